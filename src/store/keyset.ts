/**
 * Keyset paging on `created_at` at the database's own precision (microseconds): the column as a decimal
 * string of microseconds since the epoch, and the condition that resumes after such a value.
 */
export const createdMicros = (column: string) =>
  `(extract(epoch from ${column}) * 1000000)::bigint::text AS created_micros`;

/** `(created_at, id) < (cursor)`, the cursor's time rebuilt exactly from its microseconds. */
export const beforeCursor = (createdAt: string, id: string, atParam: string, idParam: string) =>
  `(${createdAt}, ${id}) < (timestamptz 'epoch' + ${atParam}::bigint * interval '1 microsecond', ${idParam})`;
