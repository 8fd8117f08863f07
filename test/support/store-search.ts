import type pg from 'pg';

export type StoreHit = { table: string; column: string; value: string; rows: number };

/**
 * Looks for each value, as a whole word and case-insensitively, in every column of every table
 * of the store (bytea such as checkpoint blobs read as escaped text): where does it survive?
 */
export async function findInStore(pool: pg.Pool, values: string[], schema = 'public'): Promise<StoreHit[]> {
  const columns = (
    await pool.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' AND c.data_type <> 'USER-DEFINED'
       ORDER BY c.table_name, c.ordinal_position`,
      [schema],
    )
  ).rows;
  const hits: StoreHit[] = [];
  const word = (v: string) => `(^|[^[:alnum:]])(${escapeRegExp(v)})($|[^[:alnum:]])`;
  const any = values.map((v) => `(${word(v)})`).join('|');
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    if (/^(integer|bigint|smallint|real|double precision|numeric|boolean|timestamp|date)/.test(type)) continue;
    const col = `"${column.replace(/"/g, '""')}"`;
    const text = type === 'bytea' ? `encode(${col}, 'escape')` : `${col}::text`;
    const tbl = `"${schema}"."${table.replace(/"/g, '""')}"`;
    const count = async (pattern: string) =>
      (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tbl} WHERE ${text} ~* $1`, [pattern])).rows[0]!
        .n;
    // One pass per column; only a column holding something is searched value by value.
    if (values.length === 0 || (await count(any)) === 0) continue;
    for (const value of values) {
      const n = await count(word(value));
      if (n > 0) hits.push({ table, column, value, rows: n });
    }
  }
  return hits;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bounded = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'iu');

/**
 * The values of `values` that occur in `haystack` as whole words (case-insensitively), so a ZIP
 * inside a hash or a timestamp does not count; a number also counts when written with other
 * separators (5558675309, 555.867.5309).
 */
export function leaksIn(haystack: string, values: string[]): string[] {
  return values.filter((v) => {
    if (bounded(escapeRegExp(v)).test(haystack)) return true;
    const digits = v.replace(/\D/g, '');
    if (!/^[\d\s().+-]+$/.test(v) || digits.length < 7) return false;
    return bounded([...digits].join('[\\s().+-]{0,3}')).test(haystack);
  });
}
