import type pg from 'pg';
import { type OutcomeGroup, programmeInsights } from '../../agents/learning/programme-insights.js';

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
 * A programme's insights from its message outcomes: one scan grouped by barrier, leading technique, channel
 * and block set (few groups however many messages), the rest computed from the groups. No subject is named.
 */
export function createOutcomeInsights(pool: pg.Pool) {
  return async function insights(program: string) {
    const rows = (
      await pool.query<Row>(
        `SELECT barrier, techniques[1] AS technique, channel, block_ids, count(*) AS sent,
           count(*) FILTER (WHERE outcome = 'achieved') AS achieved,
           count(*) FILTER (WHERE outcome = 'not_achieved') AS not_achieved,
           count(*) FILTER (WHERE outcome = 'pending') AS pending,
           count(*) FILTER (WHERE outcome = 'achieved' AND subject_id IS NOT NULL) AS learn_achieved,
           count(*) FILTER (WHERE outcome = 'not_achieved' AND subject_id IS NOT NULL) AS learn_not_achieved
         FROM message_outcomes WHERE program = $1
         GROUP BY barrier, techniques[1], channel, block_ids`,
        [program],
      )
    ).rows;
    const groups: OutcomeGroup[] = rows.map((r) => ({
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
    return { program, ...programmeInsights(groups) };
  };
}
export type OutcomeInsights = ReturnType<typeof createOutcomeInsights>;
