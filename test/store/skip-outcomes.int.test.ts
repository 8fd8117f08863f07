import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { armKey, SKIP } from '../../agents/learning/learning-action.js';
import { createLearnerRepo } from '../../src/store/learner-repo.js';
import { openStore } from '../../src/store/open-store.js';
import { createOutcomesRepo } from '../../src/store/outcomes-repo.js';
import { seedSkips } from '../support/outcome-rows.js';

let store: Awaited<ReturnType<typeof openStore>>;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory' });
});
afterAll(async () => {
  await store?.close();
});

const direct = `SELECT program, barrier, subject_id IS NOT NULL AS known, count(*)::int AS sent,
    count(*) FILTER (WHERE outcome = 'achieved')::int AS achieved,
    count(*) FILTER (WHERE outcome = 'not_achieved')::int AS not_achieved,
    count(*) FILTER (WHERE outcome = 'pending')::int AS pending
  FROM skip_outcomes GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const kept = `SELECT program, barrier, known, sent::int, achieved::int, not_achieved::int, pending::int
  FROM outcome_counts WHERE technique = 'skip' AND channel = '' AND sent <> 0 ORDER BY 1, 2, 3`;

describe('skip outcomes', () => {
  it('are counted in outcome_counts as the skip arm, exactly, through inserts, updates, unlinking and deletes', async () => {
    const pool = store.pool;
    await seedSkips(pool, [
      { subject: 'a', barrier: 'cost', achieved: 2, notAchieved: 1 },
      { subject: 'b', barrier: 'trust', achieved: 0, notAchieved: 3 },
    ]);
    const same = async () => expect((await pool.query(kept)).rows).toEqual((await pool.query(direct)).rows);
    await same();
    await pool.query(`UPDATE skip_outcomes SET outcome = 'pending' WHERE subject_id = 'b'`);
    await same();
    await pool.query(`UPDATE skip_outcomes SET subject_id = NULL WHERE subject_id = 'a' AND outcome = 'not_achieved'`);
    await same();
    const learner = createLearnerRepo(pool, { ttlMs: 0 });
    const state = await learner.state('lumenzo-adherence', 'a');
    // a's two achieved skips count, for a and the programme; the unlinked one and b's pending ones do not.
    expect(state.programme.get(armKey('cost', SKIP))).toEqual({ achieved: 2, notAchieved: 0 });
    expect(state.subjects.get('a')?.get(armKey('cost', SKIP))).toEqual({ achieved: 2, notAchieved: 0 });
    expect(state.programme.has(armKey('trust', SKIP))).toBe(false);
    await pool.query('DELETE FROM skip_outcomes');
    await same();
  });

  it('a window that ends without the target behaviour closes not achieved', async () => {
    const pool = store.pool;
    await pool.query(
      `INSERT INTO skip_outcomes (run_id, program, subject_id, barrier, decided_at, targets, window_ends, outcome)
       VALUES ('msg_skip_closed', 'p', 'c', 'cost', now() - interval '8 days', ARRAY['refill_filled'],
         now() - interval '1 day', 'pending'),
         ('msg_skip_open', 'p', 'c', 'cost', now() - interval '1 day', ARRAY['refill_filled'], now() + interval '6 days', 'pending')`,
    );
    await createOutcomesRepo(pool).closeWindows();
    const { rows } = await pool.query('SELECT run_id, outcome FROM skip_outcomes ORDER BY run_id');
    expect(rows).toEqual([
      { run_id: 'msg_skip_closed', outcome: 'not_achieved' },
      { run_id: 'msg_skip_open', outcome: 'pending' },
    ]);
  });
});
