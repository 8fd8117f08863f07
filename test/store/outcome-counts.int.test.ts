import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLearnerRepo } from '../../src/store/learner-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { seedOutcomes } from '../support/outcome-rows.js';

let store: Awaited<ReturnType<typeof openStore>>;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

const direct = `SELECT program, barrier, coalesce(techniques[1], '') AS technique, channel, block_ids,
    subject_id IS NOT NULL AS known, count(*)::int AS sent,
    count(*) FILTER (WHERE outcome = 'achieved')::int AS achieved,
    count(*) FILTER (WHERE outcome = 'not_achieved')::int AS not_achieved,
    count(*) FILTER (WHERE outcome = 'pending')::int AS pending, count(opened_at)::int AS opened
  FROM message_outcomes GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
const kept = `SELECT program, barrier, technique, channel, block_ids, known, sent::int, achieved::int,
    not_achieved::int, pending::int, opened::int FROM outcome_counts WHERE sent <> 0 ORDER BY 1, 2, 3, 4, 5, 6`;

describe('outcome_counts', () => {
  it('always equals a direct count of message_outcomes, through inserts, updates, unlinking and deletes', async () => {
    const pool = store.pool;
    await seedOutcomes(pool, [
      { subject: 'a', barrier: 'cost', technique: '3.2', channel: 'sms', achieved: 3, notAchieved: 2, blockIds: ['X'] },
      { subject: 'b', barrier: 'cost', technique: '1.2', channel: 'email', achieved: 1, notAchieved: 4 },
      { subject: null, barrier: 'trust', technique: '9.1', channel: 'web', achieved: 0, notAchieved: 2 },
    ]);
    const same = async () => expect((await pool.query(kept)).rows).toEqual((await pool.query(direct)).rows);
    await same();
    await pool.query(
      `UPDATE message_outcomes SET opened_at = sent_at WHERE channel = 'email' AND outcome = 'achieved'`,
    );
    await same();
    await pool.query(`UPDATE message_outcomes SET outcome = 'pending' WHERE subject_id = 'b'`);
    await same();
    await pool.query(`UPDATE message_outcomes SET subject_id = NULL WHERE subject_id = 'a'`);
    await same();
    await pool.query(`DELETE FROM message_outcomes WHERE barrier = 'trust'`);
    await same();
    const learner = createLearnerRepo(pool, { ttlMs: 0 });
    const state = await learner.state('lumenzo-adherence', 'b');
    // a's outcomes are unlinked (erasure), b's are pending: nothing decided by a known subject is left.
    expect([...state.programme.keys()]).toEqual([]);
  });
});
