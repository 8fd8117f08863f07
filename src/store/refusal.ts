/**
 * Checks decided in SQL. A transaction sent in one flight (BEGIN to COMMIT in one write) cannot wait for
 * an answer and then decide in JavaScript whether to go on: a check that must stop it raises inside the
 * flight instead, so the whole transaction rolls back, and the raised SQLSTATE tells the caller which
 * check refused. `nof1_refuse` is created by a migration (migration-list.ts).
 */
const REFUSALS = {
  /** The frequency cap or the subject's weekly maximum was reached by runs recorded meanwhile. */
  capReached: 'N1CAP',
  /** The idempotency key is no longer this run's: another request took it over. */
  keyTaken: 'N1KEY',
} as const;
export type Refusal = keyof typeof REFUSALS;

/** A select-list item that raises the refusal when the statement yields a row (put the condition in WHERE). */
export const refuseSql = (refusal: Refusal, reason: string) =>
  `nof1_refuse('${REFUSALS[refusal]}', '${reason.replaceAll("'", "''")}')`;

/** Whether a statement failed with this refusal (pg puts the SQLSTATE on the error's `code`). */
export const isRefusal = (err: unknown, refusal: Refusal) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === REFUSALS[refusal];
