import { performance } from 'node:perf_hooks';
import { openStore } from '../src/store/open-store.js';
import { createOutcomeInsights } from '../src/store/outcome-insights.js';
import { createProgramSummary } from '../src/store/program-summary.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';

const PROGRAM = 'bench-programme';
const MESSAGES = Number(process.env.NOF1_BENCH_OUTCOMES ?? 1_000_000);
const SUBJECTS = 50_000;
const RUNS = 10;
const TARGET_MS = 200;

/**
 * 1M message outcomes straight into the table (one INSERT … SELECT over generate_series): 9 barriers ×
 * 3 techniques × 4 channels × 2 block alternatives, 50k subjects (every 20th message anonymous), most
 * decided, some pending; success varies by technique so the posteriors differ. Plus a second programme
 * of the same size that the queries must skip.
 */
async function load(pool: import('pg').Pool, program: string) {
  await pool.query(
    `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at,
       targets, window_ends, outcome)
     SELECT $1 || '-' || i, $1,
       CASE WHEN i % 20 = 0 THEN NULL ELSE 'pt-' || (i % $3) END,
       (ARRAY['sms', 'email', 'push', 'web'])[1 + i % 4],
       (ARRAY['cost', 'concerns', 'necessity', 'trust', 'health_literacy', 'forgetfulness', 'access',
              'social_influence', 'emotional'])[1 + (i / 4) % 9],
       ARRAY[(ARRAY['1.2', '3.2', '12.1'])[1 + (i / 36) % 3]],
       ARRAY['GREET-1', 'BODY-' || ((i / 36) % 3) || '-' || ((i / 108) % 2), 'CTA-1'],
       now() - make_interval(secs => i), ARRAY['refill_filled'], now() - make_interval(secs => i) + interval '7 days',
       CASE WHEN i % 50 = 0 THEN 'pending'
            WHEN hashint4(i) % 100 < 30 + 10 * ((i / 36) % 3) THEN 'achieved' ELSE 'not_achieved' END
     FROM generate_series(1, $2) AS i`,
    [program, MESSAGES, SUBJECTS],
  );
}

function timed(runs: number, fn: () => Promise<unknown>) {
  return async () => {
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
}

export default async function run() {
  const store = await openStore({ dataDir: 'memory' });
  try {
    const t0 = performance.now();
    await load(store.pool, PROGRAM);
    await load(store.pool, 'other-programme');
    await store.pool.query('ANALYZE message_outcomes');
    console.log(`loaded 2 × ${MESSAGES} outcomes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const insights = createOutcomeInsights(store.pool);
    const summary = createProgramSummary(store.pool);
    const answer = await insights(PROGRAM);
    await summary(PROGRAM);
    const insightsMs = await timed(RUNS, () => insights(PROGRAM))();
    const summaryMs = await timed(RUNS, () => summary(PROGRAM))();
    printTable(
      `one programme of ${MESSAGES} message outcomes (another of the same size beside it), ${RUNS} calls each (ms)`,
      [
        ['query', 'mean', 'p50', 'max'],
        [
          'insights (outcome_counts + posteriors)',
          mean(insightsMs),
          percentile(insightsMs, 50),
          Math.max(...insightsMs),
        ],
        ['baseline: programme summary', mean(summaryMs), percentile(summaryMs, 50), Math.max(...summaryMs)],
      ],
    );
    console.log(
      `${answer.options.length} options, ${answer.best.length} best actions, ${answer.neverWins.length} blocks never win`,
    );
    printRatio('insights/summary mean', mean(insightsMs) / mean(summaryMs));
    printTarget('insights p50, 1M outcomes', percentile(insightsMs, 50), TARGET_MS, 'ms');
  } finally {
    await store.close();
  }
}
