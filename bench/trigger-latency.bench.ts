import { costEvents, openLoopRuntime, PROGRAM, storeSubjects } from './support/loop-runtime.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { percentile } from './support/stats.js';

const SUBJECTS = 200;
const WAVES = 40;
// Arrivals at 10 runs/s, below what one worker composes on this machine (a backlog measures capacity, not delay).
const WAVE_GAP_MS = 500;
const DELAY = 'PT1S';

/**
 * Trigger to outbox with the worker running as in the service (1 s idle interval, woken for jobs scheduled
 * in-process): how long after a run is due (event time + delay) its message is in the outbox.
 */
export default async function run() {
  const { runtime, loop, pool } = await openLoopRuntime({ NOF1_JOBS_INTERVAL_MS: '1000' });
  try {
    await runtime.triggers.put(PROGRAM, [
      { id: 'refill-late', on: 'refill_missed', where: { 'data.daysLate': { gte: 3 } }, delay: DELAY, channel: 'auto' },
    ]);
    const subjects = await storeSubjects(pool, 'pt-lat-', SUBJECTS);
    loop.worker.start();
    const per = SUBJECTS / WAVES;
    for (let w = 0; w < WAVES; w++) {
      await loop.ingest(costEvents(subjects.slice(w * per, (w + 1) * per), `w${w}`));
      await new Promise((r) => setTimeout(r, WAVE_GAP_MS));
    }
    for (let i = 0; i < 600; i++) {
      const left = (
        await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status IN ('scheduled', 'running')`)
      ).rows[0]!.n;
      if (left === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await loop.worker.stop();
    const rows = (
      await pool.query<{ latency: number; settled: number; compose: number; status: string }>(
        `SELECT extract(epoch FROM (o.created_at - j.run_at)) * 1000 AS latency,
                extract(epoch FROM (j.updated_at - j.run_at)) * 1000 AS settled, r.duration_ms AS compose, r.status
         FROM jobs j JOIN runs r ON r.id = j.run_id LEFT JOIN outbox o ON o.run_id = j.run_id`,
      )
    ).rows;
    const approved = rows.filter((r) => r.latency !== null).map((r) => Number(r.latency));
    const settled = rows.map((r) => Number(r.settled));
    const compose = rows.map((r) => Number(r.compose));
    const line = (label: string, xs: number[]) => [
      label,
      xs.length,
      percentile(xs, 50),
      percentile(xs, 95),
      Math.max(...xs),
    ];
    printTable(
      `trigger to outbox: ${SUBJECTS} triggered runs in ${WAVES} waves ${WAVE_GAP_MS} ms apart, delay ${DELAY}, worker interval 1 s`,
      [
        ['measure (ms)', 'runs', 'p50', 'p95', 'max'],
        line('due → in the outbox (approved runs)', approved),
        line('due → job settled (every run)', settled),
        line('baseline: the compose run alone', compose),
      ],
    );
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    console.log(`run statuses: ${JSON.stringify(statuses)}`);
    printRatio('trigger-to-outbox p95 / compose p95', percentile(approved, 95) / percentile(compose, 95));
    printTarget('trigger-to-outbox p95 after the delay', percentile(approved, 95), 1000, 'ms');
  } finally {
    await loop.worker.stop();
    await runtime.store.close();
  }
}
