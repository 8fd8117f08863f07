import type pg from 'pg';

// Advisory locks with two int4 keys live apart from the one-bigint key the trace chain uses; this
// first key names the frequency lock's space so no other lock can collide with it.
const FREQUENCY_SPACE = 0x6e6f6632;

/**
 * Serialises, across every process on the database, the transactions that decide whether a run of
 * this subject counts as sent: held from the re-count to the commit that records it. One lock per
 * subject, every programme included, because the subject's own weekly maximum spans programmes.
 * Taken in its own statement so that (read committed) the count after it sees every earlier commit.
 */
export async function lockSubject(client: pg.PoolClient, subjectId: string) {
  await client.query(`SELECT ${subjectLockSql(1)}`, [subjectId]);
}

/** The same lock as a select-list item, the subject id being parameter `$n`, for a statement taking other locks after it. */
export const subjectLockSql = (n: number) => `pg_advisory_xact_lock(${FREQUENCY_SPACE}, hashtext($${n}))`;
