import { allowedActions } from '../agents/learning/allowed-actions.js';
import { blockAlternatives } from '../agents/learning/block-choice.js';
import { learnedStrategy } from '../agents/learning/learned-strategy.js';
import type { LearnerState } from '../agents/learning/outcome-counts.js';
import type { LearningMode } from '../src/domain/ports.js';
import { completeRequest } from '../src/loop/complete-request.js';
import { openLoopRuntime, PROGRAM, storeSubjects } from './support/loop-runtime.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const ROUNDS = 20; // alternating off / shadow / on blocks
const PIECE_CALLS = 2000; // per variant of the learner's own work, interleaved
const PER_BLOCK = 10;
const OWN_OUTCOMES = 20; // each measured subject's own decided outcomes
const PEER_OUTCOMES = 50_000; // other subjects' outcomes across the programme
const TARGET_ADDED_MS = 1;
const MODES: LearningMode[] = ['off', 'shadow', 'on'];

const COST = { question: 'What got in the way?', answer: 'the copay went up and I cant afford it' };

type Sample = { wall: number; cpu: number; load: number; strategy: number };

/**
 * What learning adds to a compose: the same cost run, in process on the demo library, with the
 * programme's learning off (the baseline), shadow (the learner weighs every action, the table's is used,
 * so the rest of the run is identical) and on, in alternating blocks. Each subject is composed once, with
 * its own outcomes already recorded and a programme of 50k other outcomes; the per-process caches
 * (programme counts, content techniques) are warm, as in a running service.
 */
type Runtime = Awaited<ReturnType<typeof openLoopRuntime>>['runtime'];

/** The subject's counts as the learner read them before subject_outcome_counts: grouped from the outcomes. */
const GROUPED_OWN = `SELECT barrier, techniques[1] AS technique, channel, count(*) FILTER (WHERE outcome = 'achieved') AS a,
    count(*) FILTER (WHERE outcome = 'not_achieved') AS n
  FROM message_outcomes WHERE subject_id = $2 AND program = $1 AND outcome IN ('achieved', 'not_achieved')
    AND cardinality(techniques) > 0 GROUP BY barrier, techniques[1], channel`;

/**
 * The work learning adds, without the rest of the compose around it (far less noisy than the difference
 * of two whole composes on a shared machine): off reads the run context (the programme's settings, the run
 * history with the frequency count); shadow then reads the subject's counts and builds the state, the allowed actions and the choice (with its block among the
 * technique's alternatives where the library offers several); "before" is shadow as the
 * branch found it (a second, grouped read of the subject's outcomes). Interleaved, same process.
 */
async function learnerPieces(runtime: Runtime, subjects: string[]): Promise<number> {
  const blocks = await runtime.content.list({
    program: PROGRAM,
    audience: 'patient',
    locale: 'en-US',
    barrier: 'cost',
    limit: 500,
  });
  const allowed = allowedActions({ barrier: 'cost', blocks, channels: ['sms'] });
  const table = { strategy: { techniques: [{ code: '3.2', name: 'practical social support' }], rationale: '' } };
  const choose = (state: LearnerState, subject: string, i: number) =>
    learnedStrategy({
      mode: 'shadow',
      state,
      subject,
      barrier: 'cost',
      allowed,
      table: { ...table, channel: 'sms' },
      seed: `b${i}`,
      alternatives: (action) => blockAlternatives(blocks, 'cost', action),
    });
  const variants: Record<string, (subject: string, i: number) => Promise<unknown>> = {
    off: (s) => runtime.runContext.read(s, PROGRAM, { engagement: false }),
    // As load_context reads them: the run context, then the subject's own counts (the settings say whether to).
    shadow: async (s, i) => {
      await runtime.runContext.read(s, PROGRAM, { engagement: false });
      const counts = await runtime.learner.ownCounts(s, PROGRAM);
      return choose(await runtime.learner.state(PROGRAM, s, counts), s, i);
    },
    before: async (s, i) => {
      await runtime.runContext.read(s, PROGRAM, { engagement: false });
      await runtime.store.pool.query(GROUPED_OWN, [PROGRAM, s]);
      return choose(await runtime.learner.state(PROGRAM), s, i);
    },
  };
  const times = new Map(Object.keys(variants).map((k) => [k, { wall: [] as number[], cpu: [] as number[] }]));
  for (let i = 0; i < PIECE_CALLS + 100; i++) {
    for (const [name, fn] of Object.entries(variants)) {
      const s = subjects[i % subjects.length]!;
      const t = await timed(() => fn(s, i));
      if (i < 100) continue; // warm-up
      times.get(name)!.wall.push(t.ms);
      times.get(name)!.cpu.push(t.cpuMs);
    }
  }
  const w = (k: string) => times.get(k)!;
  printTable(`the learner's own work per compose (${PIECE_CALLS} calls each, ms)`, [
    ['variant', 'wall mean', 'wall p50', 'wall p99', 'cpu mean'],
    ...[...times.keys()].map((k) => [
      k,
      mean(w(k).wall),
      percentile(w(k).wall, 50),
      percentile(w(k).wall, 99),
      mean(w(k).cpu),
    ]),
  ]);
  const added = (k: string, f: 'wall' | 'cpu') => mean(w(k)[f]) - mean(w('off')[f]);
  console.log(
    `\nadded by learning: now wall ${added('shadow', 'wall').toFixed(3)} ms, cpu ${added('shadow', 'cpu').toFixed(3)} ms; before wall ${added('before', 'wall').toFixed(3)} ms, cpu ${added('before', 'cpu').toFixed(3)} ms`,
  );
  printRatio('learner work added now/before (cpu mean)', added('shadow', 'cpu') / added('before', 'cpu'));
  return added('shadow', 'cpu');
}

export default async function run() {
  const { runtime, compose, pool } = await openLoopRuntime();
  try {
    const total = ROUNDS * PER_BLOCK * MODES.length + 20;
    const subjects = await storeSubjects(pool, 'pt-lc-', total);
    const techniques = ['3.2', '1.2', '12.1'];
    await pool.query(
      `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at,
         targets, window_ends, outcome)
       SELECT 'msg_seed_' || g || '_' || s, $1, s, 'sms', 'cost', ARRAY[($4::text[])[1 + g % 3]], '{}',
         now() - make_interval(days => 30 + g), ARRAY['refill_filled'], now() - make_interval(days => 23 + g),
         CASE WHEN (g * 7 + length(s)) % 3 = 0 THEN 'achieved' ELSE 'not_achieved' END
       FROM unnest($2::text[]) s, generate_series(1, $3) g`,
      [PROGRAM, subjects, OWN_OUTCOMES, techniques],
    );
    await pool.query(
      `INSERT INTO message_outcomes (run_id, program, subject_id, channel, barrier, techniques, block_ids, sent_at,
         targets, window_ends, outcome)
       SELECT 'msg_peer_' || g, $1, 'pt-peer-' || (g % 5000), (ARRAY['sms', 'email'])[1 + g % 2],
         (ARRAY['cost', 'concerns', 'forgetfulness'])[1 + g % 3], ARRAY[($3::text[])[1 + (g / 3) % 3]], '{}',
         now() - interval '40 days', ARRAY['refill_filled'], now() - interval '33 days',
         CASE WHEN g % 5 < 2 THEN 'achieved' ELSE 'not_achieved' END
       FROM generate_series(1, $2) g`,
      [PROGRAM, PEER_OUTCOMES, techniques],
    );
    await pool.query('ANALYZE message_outcomes');
    const base = await runtime.settings.get(PROGRAM);
    const setMode = (learning: LearningMode) =>
      runtime.settings.put({ ...base, outcomes: { targets: ['refill_filled'], window: 'P7D' }, learning });

    const composeFor = async (id: string): Promise<Sample> => {
      const steps = new Map<string, number>();
      const stored = await runtime.subjects.get(id);
      const signals = [
        { type: 'refill_missed', data: { daysLate: 9 } },
        { type: 'survey_response', data: COST },
      ];
      const { ms, cpuMs } = await timed(() =>
        compose.runner.compose(
          completeRequest({ subject: { id }, program: PROGRAM, channel: 'sms', signals }, stored),
          {
            onStep: (e) => steps.set(e.node, e.step.durationMs),
          },
        ),
      );
      return { wall: ms, cpu: cpuMs, load: steps.get('load_context') ?? 0, strategy: steps.get('plan_strategy') ?? 0 };
    };

    let next = 0;
    for (const mode of MODES) {
      await setMode(mode);
      for (let i = 0; i < 6; i++) await composeFor(subjects[next++]!); // warm-up, not measured
    }
    const samples = new Map<LearningMode, Sample[]>(MODES.map((m) => [m, []]));
    for (let r = 0; r < ROUNDS; r++) {
      for (const mode of MODES) {
        await setMode(mode);
        for (let i = 0; i < PER_BLOCK; i++) samples.get(mode)!.push(await composeFor(subjects[next++]!));
      }
    }
    const col = (xs: Sample[], k: keyof Sample) => xs.map((x) => x[k]);
    const row = (mode: LearningMode) => {
      const xs = samples.get(mode)!;
      return [
        mode,
        xs.length,
        mean(col(xs, 'wall')),
        percentile(col(xs, 'wall'), 50),
        mean(col(xs, 'cpu')),
        mean(col(xs, 'load')),
        mean(col(xs, 'strategy')),
      ];
    };
    printTable('compose, cost run by SMS, per learning mode (ms; interleaved blocks)', [
      ['learning', 'runs', 'wall mean', 'wall p50', 'cpu mean', 'load_context mean', 'plan_strategy mean'],
      ...MODES.map(row),
    ]);
    const m = (mode: LearningMode, k: keyof Sample) => mean(col(samples.get(mode)!, k));
    const added = {
      wall: m('shadow', 'wall') - m('off', 'wall'),
      cpu: m('shadow', 'cpu') - m('off', 'cpu'),
      steps: m('shadow', 'load') + m('shadow', 'strategy') - m('off', 'load') - m('off', 'strategy'),
    };
    console.log(
      `\nadded by learning (shadow − off, means): wall ${added.wall.toFixed(2)} ms, cpu ${added.cpu.toFixed(2)} ms, load_context + plan_strategy ${added.steps.toFixed(2)} ms`,
    );
    printRatio('compose wall mean shadow/off', m('shadow', 'wall') / m('off', 'wall'));
    printRatio('compose cpu mean shadow/off', m('shadow', 'cpu') / m('off', 'cpu'));
    const pieces = await learnerPieces(runtime, subjects.slice(0, 200));
    printTarget('learning adds to a compose (its reads and choice, cpu mean)', pieces, TARGET_ADDED_MS, 'ms');
  } finally {
    await runtime.store.close();
  }
}
