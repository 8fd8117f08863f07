import type pg from 'pg';
import { type OutcomeGroup, programmeInsights } from '../../agents/learning/programme-insights.js';
import { type SkipGroup, skipInsights } from '../../agents/learning/skip-insights.js';

type Row = {
  barrier: string;
  technique: string | null;
  channel: string;
  block_ids: string[];
  sent: string;
  achieved: string;
  not_achieved: string;
  pending: string;
  learn_achieved: string;
  learn_not_achieved: string;
};

/**
 * A programme's insights from its message outcomes, read from the counts the database keeps beside them
 * (outcome_counts: per barrier, leading technique, channel, block set and whether the subject is known,
 * so a few hundred rows however many messages); the rest is computed from those groups. No subject is named.
 */
export function createOutcomeInsights(pool: pg.Pool) {
  return async function insights(program: string) {
    const rows = (
      await pool.query<Row>(
        `SELECT barrier, nullif(technique, '') AS technique, channel, block_ids, sum(sent) AS sent,
           sum(achieved) AS achieved, sum(not_achieved) AS not_achieved, sum(pending) AS pending,
           coalesce(sum(achieved) FILTER (WHERE known), 0) AS learn_achieved,
           coalesce(sum(not_achieved) FILTER (WHERE known), 0) AS learn_not_achieved
         FROM outcome_counts WHERE program = $1
         GROUP BY barrier, technique, channel, block_ids HAVING sum(sent) > 0`,
        [program],
      )
    ).rows;
    // The skip arm's rows (technique 'skip' on no channel, skip-outcomes.ts) are decisions, not messages sent.
    const isSkip = (r: Row) => r.technique === 'skip' && r.channel === '';
    const skips: SkipGroup[] = rows.filter(isSkip).map((r) => ({
      barrier: r.barrier,
      decided: Number(r.sent),
      achieved: Number(r.achieved),
      notAchieved: Number(r.not_achieved),
      pending: Number(r.pending),
      learnAchieved: Number(r.learn_achieved),
      learnNotAchieved: Number(r.learn_not_achieved),
    }));
    const groups: OutcomeGroup[] = rows
      .filter((r) => !isSkip(r))
      .map((r) => ({
        barrier: r.barrier,
        technique: r.technique,
        channel: r.channel,
        blockIds: r.block_ids,
        sent: Number(r.sent),
        achieved: Number(r.achieved),
        notAchieved: Number(r.not_achieved),
        pending: Number(r.pending),
        learnAchieved: Number(r.learn_achieved),
        learnNotAchieved: Number(r.learn_not_achieved),
      }));
    return { program, ...programmeInsights(groups), skips: skipInsights(skips) };
  };
}
export type OutcomeInsights = ReturnType<typeof createOutcomeInsights>;
