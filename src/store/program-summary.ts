import type pg from 'pg';

export type SummaryCounts = {
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  replied: number;
  achieved: number;
  notAchieved: number;
  pending: number;
  optedOut: number;
};
type Row = { [K in keyof SummaryCounts]: string } & { barrier: string | null; channel: string | null; g: number };

const COUNTS = `count(*) AS sent, count(delivered_at) AS delivered, count(opened_at) AS opened,
  count(clicked_at) AS clicked, count(replied_at) AS replied,
  count(*) FILTER (WHERE outcome = 'achieved') AS achieved,
  count(*) FILTER (WHERE outcome = 'not_achieved') AS "notAchieved",
  count(*) FILTER (WHERE outcome = 'pending') AS pending, count(opted_out_at) AS "optedOut"`;

const toCounts = (r: Row): SummaryCounts => ({
  sent: Number(r.sent),
  delivered: Number(r.delivered),
  opened: Number(r.opened),
  clicked: Number(r.clicked),
  replied: Number(r.replied),
  achieved: Number(r.achieved),
  notAchieved: Number(r.notAchieved),
  pending: Number(r.pending),
  optedOut: Number(r.optedOut),
});

const ZERO: SummaryCounts = {
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  achieved: 0,
  notAchieved: 0,
  pending: 0,
  optedOut: 0,
};

/**
 * A programme's sent messages and what followed, in aggregate (one scan for the total, barrier and channel
 * with GROUPING SETS, one for techniques). Reads the outcomes table only; no subject is named.
 */
export function createProgramSummary(pool: pg.Pool) {
  return async function summary(program: string, range: { from?: string; to?: string } = {}) {
    const params = [program, range.from ?? '-infinity', range.to ?? 'infinity'];
    const where = 'program = $1 AND sent_at >= $2::timestamptz AND sent_at < $3::timestamptz';
    const grouped = (
      await pool.query<Row>(
        `SELECT barrier, channel, GROUPING(barrier, channel) AS g, ${COUNTS} FROM message_outcomes WHERE ${where}
         GROUP BY GROUPING SETS ((), (barrier), (channel))`,
        params,
      )
    ).rows;
    const techniques = (
      await pool.query<Row & { technique: string }>(
        `SELECT t AS technique, ${COUNTS} FROM message_outcomes, unnest(techniques) AS t WHERE ${where}
         GROUP BY t ORDER BY t`,
        params,
      )
    ).rows;
    const total = grouped.find((r) => r.g === 3);
    const by = <K extends string>(key: K, rows: Array<Row & Record<K, string | null>>) =>
      rows.map((r) => ({ [key]: r[key], ...toCounts(r) }) as Record<K, string> & SummaryCounts);
    return {
      program,
      totals: total ? toCounts(total) : ZERO,
      byBarrier: by(
        'barrier',
        grouped.filter((r) => r.g === 1).sort((a, b) => String(a.barrier).localeCompare(String(b.barrier))),
      ),
      byChannel: by(
        'channel',
        grouped.filter((r) => r.g === 2).sort((a, b) => String(a.channel).localeCompare(String(b.channel))),
      ),
      byTechnique: by('technique', techniques),
    };
  };
}
export type ProgramSummary = ReturnType<typeof createProgramSummary>;
