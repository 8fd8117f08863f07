import type { BlockFilter } from '../domain/ports.js';

/**
 * Builds the WHERE terms shared by listing and both halves of the hybrid search, so the filters are
 * always applied before anything is ranked. Parameters are numbered from `first`.
 */
export function filterSql(f: BlockFilter, first: number) {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return `$${first + params.length - 1}`;
  };
  if (f.program) where.push(`program = ${p(f.program)}`);
  if (f.audience) where.push(`audience = ${p(f.audience)}`);
  if (f.channel) where.push(`${p(f.channel)} = ANY(channels)`);
  if (f.kinds?.length) where.push(`kind = ANY(${p(f.kinds)}::text[])`);
  if (f.locale) where.push(`locale = ${p(f.locale)}`);
  // Containment (not `= ANY`) so the GIN index on barriers can serve it; the same rows either way.
  if (f.barrier) where.push(`barriers @> ARRAY[${p(f.barrier)}]::text[]`);
  const day = f.at ? `${p(f.at)}::date` : 'current_date';
  const usable = `(approved_at <= ${day} AND expires_at >= ${day})`;
  where.push(usable);
  return { where, params, usable };
}
