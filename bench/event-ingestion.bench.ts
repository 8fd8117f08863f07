import { ingestEvents } from '../src/loop/event-intake.js';
import { openLoopRuntime, PROGRAM, storeSubjects } from './support/loop-runtime.js';
import { printRatio, printTable } from './support/report.js';
import { timed } from './support/timer.js';

const BATCHES = 20;
const PER_BATCH = 1000;
const ONE_BY_ONE = 500;
const TARGET = 5000;

const event = (i: number, subject: string, tag: string) => ({
  id: `${tag}-${i}`,
  subject: { id: subject },
  program: PROGRAM,
  type: i % 3 === 0 ? 'dose_logged' : 'page_view',
  at: new Date(Date.now() - i * 1000).toISOString(),
  data: i % 3 === 0 ? { dose: 1 } : { topic: 'savings', page: '/savings' },
});

/** POST /v1/events' store path: 1,000-event batches against the same events sent one per call. */
export default async function run() {
  const { runtime, pool } = await openLoopRuntime();
  try {
    const subjects = await storeSubjects(pool, 'pt-ing-', 2000);
    const deps = { pool, triggers: runtime.triggers };
    const batched = await timed(async () => {
      for (let b = 0; b < BATCHES; b++) {
        const batch = Array.from({ length: PER_BATCH }, (_, i) =>
          event(b * PER_BATCH + i, subjects[i % subjects.length]!, 'b'),
        );
        const r = await ingestEvents(deps, batch);
        if (r.accepted !== PER_BATCH) throw new Error(JSON.stringify(r));
      }
    });
    const resend = await timed(() =>
      ingestEvents(
        deps,
        Array.from({ length: PER_BATCH }, (_, i) => event(i, subjects[i % subjects.length]!, 'b')),
      ),
    );
    if (resend.result.duplicates !== PER_BATCH) throw new Error('duplicates not detected');
    const single = await timed(async () => {
      for (let i = 0; i < ONE_BY_ONE; i++) await ingestEvents(deps, [event(i, subjects[i]!, 'one')]);
    });
    const rate = (n: number, ms: number) => n / (ms / 1000);
    const batchRate = rate(BATCHES * PER_BATCH, batched.ms);
    printTable('event ingestion on the embedded store (triggers present, none matching)', [
      ['run', 'events', 'seconds', 'cpu s', 'events/s'],
      [`${BATCHES} batches of ${PER_BATCH}`, BATCHES * PER_BATCH, batched.ms / 1000, batched.cpuMs / 1000, batchRate],
      [
        `the first batch again (all duplicates)`,
        PER_BATCH,
        resend.ms / 1000,
        resend.cpuMs / 1000,
        rate(PER_BATCH, resend.ms),
      ],
      [`baseline: one event per call`, ONE_BY_ONE, single.ms / 1000, single.cpuMs / 1000, rate(ONE_BY_ONE, single.ms)],
    ]);
    printRatio('events/s batched / one per call', batchRate / rate(ONE_BY_ONE, single.ms));
    console.log(
      `TARGET events/s per batch request: ${batchRate.toFixed(0)} (target >= ${TARGET}) -> ${batchRate >= TARGET ? 'met' : 'MISSED'}`,
    );
  } finally {
    await runtime.store.close();
  }
}
