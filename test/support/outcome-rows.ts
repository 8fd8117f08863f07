import { randomUUID } from 'node:crypto';
import type pg from 'pg';

export type OutcomeSeed = {
  subject: string | null;
  barrier: string;
  technique: string;
  channel: string;
  achieved: number;
  notAchieved: number;
  blockIds?: string[];
  program?: string;
};

/** Decided outcomes straight into the table (as if messages had been sent and their windows closed). */
export async function seedOutcomes(pool: pg.Pool, seeds: OutcomeSeed[]) {
  for (const s of seeds) {
    const outcomes = [...Array(s.achieved).fill('achieved'), ...Array(s.notAchieved).fill('not_achieved')];
    for (const outcome of outcomes) {
      await pool.query(
        `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at,
           targets, window_ends, outcome)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() - interval '10 days', ARRAY['refill_filled'],
           now() - interval '3 days', $8)`,
        [
          `msg_seed_${randomUUID()}`,
          s.program ?? 'lumenzo-adherence',
          s.subject,
          s.channel,
          s.barrier,
          [s.technique],
          s.blockIds ?? [],
          outcome,
        ],
      );
    }
  }
}

/** Decided outcomes of skips (runs the learner sent nothing for) straight into their table. */
export async function seedSkips(
  pool: pg.Pool,
  seeds: Array<{ subject: string | null; barrier: string; achieved: number; notAchieved: number; program?: string }>,
) {
  for (const s of seeds) {
    const outcomes = [...Array(s.achieved).fill('achieved'), ...Array(s.notAchieved).fill('not_achieved')];
    for (const outcome of outcomes) {
      await pool.query(
        `INSERT INTO skip_outcomes (run_id, program, subject_id, barrier, decided_at, targets, window_ends, outcome)
         VALUES ($1, $2, $3, $4, now() - interval '10 days', ARRAY['refill_filled'], now() - interval '3 days', $5)`,
        [`msg_seed_${randomUUID()}`, s.program ?? 'lumenzo-adherence', s.subject, s.barrier, outcome],
      );
    }
  }
}
