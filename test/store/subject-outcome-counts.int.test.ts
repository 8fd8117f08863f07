import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armKey, SKIP } from '../../agents/learning/learning-action.js';
import { createLearnerRepo } from '../../src/store/learner-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { seedOutcomes, seedSkips } from '../support/outcome-rows.js';

let store: Awaited<ReturnType<typeof openStore>>;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

// What the triggers must keep: each known subject's decided outcomes, sends and skips, counted directly.
const direct = `SELECT subject_id, program, barrier, technique, channel, block_ids, sum(a)::int AS achieved,
    sum(n)::int AS not_achieved FROM (
    SELECT subject_id, program, barrier, coalesce(techniques[1], '') AS technique, channel, block_ids,
      (outcome = 'achieved')::int AS a, (outcome = 'not_achieved')::int AS n
    FROM message_outcomes WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')
    UNION ALL
    SELECT subject_id, program, barrier, 'skip', '', '{}', (outcome = 'achieved')::int, (outcome = 'not_achieved')::int
    FROM skip_outcomes WHERE subject_id IS NOT NULL AND outcome IN ('achieved', 'not_achieved')) o
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`;
const kept = `SELECT subject_id, program, barrier, technique, channel, block_ids, achieved::int, not_achieved::int
  FROM subject_outcome_counts ORDER BY 1, 2, 3, 4, 5, 6`;

describe('subject_outcome_counts', () => {
  it('equals a direct count through inserts, updates, erasure and deletes, and keeps no erased id', async () => {
    const pool = store.pool;
    await seedOutcomes(pool, [
      { subject: 'a', barrier: 'cost', technique: '3.2', channel: 'sms', achieved: 3, notAchieved: 2, blockIds: ['X'] },
      { subject: 'a', barrier: 'cost', technique: '3.2', channel: 'sms', achieved: 1, notAchieved: 0, blockIds: ['Y'] },
      { subject: 'b', barrier: 'cost', technique: '1.2', channel: 'email', achieved: 1, notAchieved: 4 },
      { subject: null, barrier: 'trust', technique: '9.1', channel: 'web', achieved: 0, notAchieved: 2 },
    ]);
    await seedSkips(pool, [{ subject: 'a', barrier: 'cost', achieved: 2, notAchieved: 1 }]);
    const same = async () => expect((await pool.query(kept)).rows).toEqual((await pool.query(direct)).rows);
    await same();
    await pool.query(`UPDATE message_outcomes SET outcome = 'pending' WHERE subject_id = 'b' AND outcome = 'achieved'`);
    await same();
    await pool.query(`UPDATE skip_outcomes SET outcome = 'achieved' WHERE subject_id = 'a'`);
    await same();
    await pool.query(`UPDATE message_outcomes SET subject_id = NULL WHERE subject_id = 'b'`);
    await same();
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM subject_outcome_counts WHERE subject_id = 'b'`);
    expect(rows[0].n).toBe(0);
    await pool.query(`DELETE FROM message_outcomes WHERE block_ids = '{Y}'`);
    await same();
  });

  it('the counts a run reads for the learner give the same state as the learner reading them by key', async () => {
    const pool = store.pool;
    await seedOutcomes(pool, [
      { subject: 'c', barrier: 'concerns', technique: '5.1', channel: 'sms', achieved: 2, notAchieved: 1 },
      { subject: 'c', barrier: 'concerns', technique: '5.1', channel: 'web', achieved: 0, notAchieved: 3 },
    ]);
    // Two of c's three web messages were opened; SMS reads are never seen, so SMS has no open row.
    await pool.query(`UPDATE message_outcomes SET opened_at = sent_at + interval '1 hour'
      WHERE run_id IN (SELECT run_id FROM message_outcomes WHERE subject_id = 'c' AND channel = 'web' LIMIT 2)`);
    await seedSkips(pool, [{ subject: 'c', barrier: 'concerns', achieved: 0, notAchieved: 2 }]);
    const learner = createLearnerRepo(pool, { ttlMs: 0 });
    const read = await learner.ownCounts('c', 'lumenzo-adherence');
    expect(read.outcomes).toHaveLength(3);
    expect(read.opens).toEqual([{ channel: 'web', opened: 2, unopened: 1 }]);
    const viaRun = await learner.state('lumenzo-adherence', 'c', read);
    const byKey = await learner.state('lumenzo-adherence', 'c');
    expect(viaRun).toEqual(byKey);
    const own = byKey.subjects.get('c')!;
    expect(own.get(armKey('concerns', SKIP))).toEqual({ achieved: 0, notAchieved: 2 });
    expect(own.get(armKey('concerns', { kind: 'send', technique: '5.1', channel: 'sms' }))).toEqual({
      achieved: 2,
      notAchieved: 1,
    });
    expect(byKey.opens.subjects.get('c')?.get('web')).toEqual({ opened: 2, unopened: 1 });
    expect(byKey.opens.programme.get('web')).toEqual({ opened: 2, unopened: 1 });
    expect(byKey.opens.programme.has('sms')).toBe(false);
    expect(await learner.ownCounts('nobody', 'lumenzo-adherence')).toEqual({ outcomes: [], opens: [] });
  });
});
