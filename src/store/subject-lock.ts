// Advisory locks with two int4 keys live apart from the one-bigint key the trace chain uses; this
// first key names the frequency lock's space so no other lock can collide with it.
const FREQUENCY_SPACE = 0x6e6f6632;

/**
 * Serialises, across every process on the database, the transactions that decide whether a run of
 * this subject counts as sent: held from the re-count to the commit that records it. One lock per
 * subject, every programme included, because the subject's own weekly maximum spans programmes.
 * Taken in its own statement so that (read committed) the count in a later statement sees every earlier
 * commit. As a select-list item, the subject id being the SQL expression `subject` (a NULL takes no lock).
 */
export const subjectLockOn = (subject: string) => `pg_advisory_xact_lock(${FREQUENCY_SPACE}, hashtext(${subject}))`;

/** The same lock, the subject id being parameter `$n`. */
export const subjectLockSql = (n: number) => subjectLockOn(`$${n}`);
