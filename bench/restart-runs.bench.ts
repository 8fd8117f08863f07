import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeRequest } from '../src/loop/complete-request.js';
import { costEvents, openLoopRuntime, PROGRAM, storeSubjects } from './support/loop-runtime.js';
import { printRatio, printTable } from './support/report.js';

const RUNS = Number(process.env.NOF1_BENCH_RESTART_RUNS ?? 10_000);
const ORPHANS = 50;
const MADE_NOT_SETTLED = 20;

type Loop = Awaited<ReturnType<typeof openLoopRuntime>>;
const counts = async (pool: Loop['pool']) =>
  Object.fromEntries(
    (
      await pool.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs GROUP BY status')
    ).rows.map((r) => [r.status, r.n]),
  ) as Record<string, number>;
const finished = (c: Record<string, number>) => (c.done ?? 0) + (c.held ?? 0) + (c.failed ?? 0);

async function waitUntil(pool: Loop['pool'], test: (c: Record<string, number>) => boolean) {
  let shown = Date.now();
  for (;;) {
    const c = await counts(pool);
    if (test(c)) return c;
    if (Date.now() - shown > 30_000) {
      shown = Date.now();
      console.log(`  … ${finished(c)} of ${RUNS} finished (${new Date().toISOString().slice(11, 19)})`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * 10,000 scheduled runs on an embedded store on disk; the service stops half-way while another (dead)
 * worker holds claims and some runs were made but never marked done; after the restart every job
 * finishes with exactly one run and at most one outbox entry.
 */
export default async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'nof1-bench-restart-'));
  const env = { NOF1_DATA_DIR: dir, NOF1_JOBS_INTERVAL_MS: '200' };
  try {
    let first = await openLoopRuntime(env, { batch: 20 });
    await first.runtime.triggers.put(PROGRAM, [
      { id: 'refill-late', on: 'refill_missed', where: {}, delay: 'PT0S', channel: 'auto' },
    ]);
    const subjects = await storeSubjects(first.pool, 'pt-rs-', RUNS);
    for (let i = 0; i < subjects.length; i += 500) await first.loop.ingest(costEvents(subjects.slice(i, i + 500), 'r'));
    const t0 = performance.now();
    first.loop.worker.start();
    const half = await waitUntil(first.pool, (c) => finished(c) >= RUNS / 2);
    await first.loop.worker.stop();
    const beforeS = (performance.now() - t0) / 1000;
    const doneBefore = finished(await counts(first.pool));
    // Another process claimed jobs and died; for some of them it had already made the run.
    const orphans = await first.runtime.jobs.claimDue('wrk_dead', ORPHANS, 1000);
    for (const job of orphans.slice(0, MADE_NOT_SETTLED)) {
      const stored = await first.runtime.subjects.get(job.subjectId!);
      const signals = await first.runtime.events.timeline(job.subjectId!, PROGRAM, { days: 30, limit: 50 });
      await first.compose.runner.compose(
        completeRequest({ subject: { id: job.subjectId! }, program: PROGRAM, channel: 'auto', signals }, stored),
        { runId: job.runId },
      );
    }
    await first.runtime.store.close();

    first = undefined as never;
    const second = await openLoopRuntime(env, { batch: 20 });
    const t1 = performance.now();
    second.loop.worker.start();
    const end = await waitUntil(second.pool, (c) => finished(c) >= RUNS && !c.running && !c.scheduled);
    await second.loop.worker.stop();
    const afterS = (performance.now() - t1) / 1000;
    const check = (
      await second.pool.query<{ runs: number; subjects: number; outbox: number; approved: number; dup: number }>(
        `SELECT (SELECT count(*)::int FROM runs WHERE subject_id LIKE 'pt-rs-%') AS runs,
                (SELECT count(DISTINCT subject_id)::int FROM runs WHERE subject_id LIKE 'pt-rs-%') AS subjects,
                (SELECT count(*)::int FROM outbox) AS outbox,
                (SELECT count(*)::int FROM runs WHERE subject_id LIKE 'pt-rs-%' AND status = 'approved') AS approved,
                (SELECT count(*)::int FROM (SELECT run_id FROM jobs GROUP BY run_id HAVING count(*) > 1) d) AS dup`,
      )
    ).rows[0]!;
    await second.runtime.store.close();
    const lost = RUNS - check.subjects;
    const doubled = check.runs - check.subjects + check.dup;
    printTable(`restart in the middle of ${RUNS} scheduled runs (embedded store on disk)`, [
      ['phase', 'runs', 'seconds', 'runs/s'],
      ['before the stop', doneBefore, beforeS, doneBefore / beforeS],
      [
        `after the restart (${ORPHANS} orphaned claims, ${MADE_NOT_SETTLED} made but unsettled)`,
        RUNS - doneBefore,
        afterS,
        (RUNS - doneBefore) / afterS,
      ],
    ]);
    console.log(`jobs at the stop: ${JSON.stringify(half)}; at the end: ${JSON.stringify(end)}`);
    console.log(
      `runs ${check.runs} for ${check.subjects} subjects; approved ${check.approved}; outbox entries ${check.outbox}`,
    );
    printRatio('runs/s after the restart / before', (RUNS - doneBefore) / afterS / (doneBefore / beforeS));
    console.log(
      `TARGET lost ${lost}, doubled ${doubled}, outbox = approved: ${check.outbox === check.approved} -> ${lost === 0 && doubled === 0 && check.outbox === check.approved ? 'met' : 'MISSED'}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
