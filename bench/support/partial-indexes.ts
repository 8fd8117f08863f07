import pg from 'pg';

/**
 * Builds one partial HNSW index per distinct value of `columns` (e.g. `program` or `program, audience`),
 * as the bench's stand-in for the indexes search builds: names are the bench's own, predicates literal.
 */
export async function buildPartial(pool: pg.Pool, columns: string, withClause = '') {
  const names = columns.split(',').map((c) => c.trim());
  const { rows } = await pool.query<Record<string, string>>(`SELECT DISTINCT ${columns} FROM content_blocks`);
  for (const [i, row] of rows.entries()) {
    const where = names.map((c) => `${c} = ${pg.escapeLiteral(row[c]!)}`).join(' AND ');
    await pool.query(
      `CREATE INDEX bench_${names.join('_')}_${i} ON content_blocks USING hnsw (embedding vector_cosine_ops) ${withClause} WHERE ${where}`,
    );
  }
}

/** Rows per programme and audience, keyed `program\0audience`. */
export async function groupSizes(pool: pg.Pool) {
  const { rows } = await pool.query<{ program: string; audience: string; n: number }>(
    'SELECT program, audience, count(*)::int AS n FROM content_blocks GROUP BY 1, 2',
  );
  return new Map(rows.map((r) => [`${r.program}\u0000${r.audience}`, r.n]));
}

/** The table's heap and TOAST sizes, to show where the embeddings are stored. */
export async function toastShare(pool: pg.Pool) {
  const { rows } = await pool.query<{ heap: string; toast: string }>(
    `SELECT pg_size_pretty(pg_relation_size(oid)) AS heap, pg_size_pretty(pg_relation_size(reltoastrelid)) AS toast
     FROM pg_class WHERE relname = 'content_blocks'`,
  );
  return `heap ${rows[0]!.heap}, TOAST ${rows[0]!.toast}`;
}
