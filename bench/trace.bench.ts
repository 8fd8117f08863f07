import type pg from 'pg';
import { RULES } from '../src/compliance/compliance-rules.js';
import { createComposeStack } from '../src/compose/compose-stack.js';
import { BARRIERS } from '../src/domain/block.js';
import { parseEnv } from '../src/env.js';
import { createRedactor } from '../src/privacy/redact.js';
import { openRuntime } from '../src/runtime.js';
import { createRunListing, type RunFilter, runFilterSql } from '../src/store/run-listing.js';
import type { RunsRepo } from '../src/store/runs-repo.js';
import { CLEAN, CORPUS_ALLOW, WITH_PII } from '../test/privacy/redaction-corpus.js';
import { mixedRequest } from './support/compose-requests.js';
import { openLoadedRuntime, STORE_BLOCKS } from './support/compose-store.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { wanted } from './support/sections.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const AB_ROUNDS = 20;
const PER_ROUND = 20; // composes per variant per round
const TARGET_TRACE_RATIO = 1.15;
const RUNS = 100_000;
const PAGE = 50;
const PAGES = 10; // pages walked per listing, each with the cursor of the page before
const WALKS = 5; // walks per scenario
const TARGET_PAGE_P95_MS = 50;
const REDACT_MB = 4; // free text redacted per measurement

const stats = (ms: number[]) => [percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), mean(ms)];

/** Trace write overhead: the real RunsRepo against one whose saveRun writes the run row with an empty trace. */
async function traceOverhead() {
  const { runtime } = await openLoadedRuntime();
  try {
    const untraced: RunsRepo = {
      ...runtime.runs,
      saveRun: (run, _trace, review) => runtime.runs.saveRun(run, [], review),
    };
    const traced = await createComposeStack({ pool: runtime.store.pool, ...runtime });
    const bare = await createComposeStack({ pool: runtime.store.pool, ...runtime, runs: untraced });
    for (let i = 0; i < 20; i++) {
      await traced.runner.compose(mixedRequest(i, { tag: 'warm-t' }));
      await bare.runner.compose(mixedRequest(i, { tag: 'warm-b' }));
    }
    const ms = { traced: [] as number[], bare: [] as number[] };
    const cpu = { traced: [] as number[], bare: [] as number[] };
    let records = 0;
    for (let round = 0; round < AB_ROUNDS; round++) {
      // A then B, then B then A: neither variant always runs on a warmer or fuller store.
      const order = round % 2 ? (['bare', 'traced'] as const) : (['traced', 'bare'] as const);
      for (const variant of order) {
        const stack = variant === 'traced' ? traced : bare;
        for (let k = 0; k < PER_ROUND; k++) {
          const i = round * PER_ROUND + k;
          const t = await timed(() => stack.runner.compose(mixedRequest(i, { tag: variant })));
          ms[variant].push(t.ms);
          cpu[variant].push(t.cpuMs);
        }
      }
    }
    records = (await runtime.store.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM trace_records')).rows[0]!
      .n;
    printTable(
      `trace write overhead: ${AB_ROUNDS} interleaved A/B rounds of ${PER_ROUND} composes each, ${STORE_BLOCKS} blocks + demo (ms)`,
      [
        ['variant', 'p50', 'p95', 'p99', 'mean', 'cpu mean'],
        ['with trace (real RunsRepo.saveRun)', ...stats(ms.traced), mean(cpu.traced)],
        ['baseline: run row only, empty trace', ...stats(ms.bare), mean(cpu.bare)],
      ],
    );
    console.log(
      `trace records written: ${records} (${(records / (AB_ROUNDS * PER_ROUND + 20)).toFixed(1)} per traced compose); ` +
        `trace cost per compose ${(mean(ms.traced) - mean(ms.bare)).toFixed(2)} ms mean`,
    );
    const ratio = mean(ms.traced) / mean(ms.bare);
    printRatio('compose mean with/without trace', ratio);
    printRatio('compose p50 with/without trace', percentile(ms.traced, 50) / percentile(ms.bare, 50));
    return ratio;
  } finally {
    await runtime.store.close();
  }
}

const PROGRAMS = ['lumenzo-adherence', 'corvana-support', 'elvastin-onboarding', 'respira-copd', 'glucara-start'];

/** A stored answer of a realistic size (what GET /v1/traces/{id} serves), the same for every synthetic row. */
const ANSWER = {
  status: 'approved',
  diagnosis: {
    barrier: 'cost',
    confidence: 0.82,
    evidence: ['signals[0] refill_missed: 9 days late', 'signals[2] survey_response: text suggests cost (0.91)'],
    alternatives: [{ barrier: 'access', confidence: 0.09 }],
  },
  strategy: {
    techniques: [
      { code: '1.2', name: 'Problem solving' },
      { code: '3.2', name: 'Social support (practical)' },
    ],
    rationale: 'Cost is a practical barrier: show the savings programme and who can check coverage.',
  },
  message: {
    channel: 'sms',
    subject: null,
    body: 'Hi from the Lumenzo Support Program. The Lumenzo savings card may lower your copay to as little as $5 a month. Call 1-800-555-0142 or visit the Lumenzo support site to learn more.',
    blocks: [
      { id: 'LZ-GREET-001', approvalCode: 'LZ-US-0001', version: 1 },
      { id: 'LZ-COST-002', approvalCode: 'LZ-US-0012', version: 1 },
      { id: 'LZ-CTA-001', approvalCode: 'LZ-US-0003', version: 1 },
    ],
  },
  compliance: {
    verdict: 'pass',
    checks: RULES.map(({ name: rule }) => ({ rule, passed: true, detail: `${rule}: ok` })),
  },
  engine: { mode: 'offline', modelCalls: 0, fallbacks: [] },
};

/**
 * 100,000 runs rows in one INSERT ... SELECT generate_series: spread over the last 90 days, five programmes,
 * ten barriers, statuses about 70% approved, 12% blocked, 10% skipped, 8% needs_review (pseudo-random by row).
 */
async function seedRuns(pool: pg.Pool) {
  return timed(() =>
    pool.query(
      `INSERT INTO runs (id, trace_id, subject_id, program, channel, status, barrier, confidence, techniques, block_ids,
         answer, model_calls, fallbacks, duration_ms, created_at, updated_at, sent_at)
       SELECT 'msg_' || lpad(i::text, 24, '0'), 'trc_' || lpad(i::text, 24, '0'), 'subj-' || h.subject,
         ($2::text[])[1 + h.program], CASE WHEN s.status IN ('approved', 'needs_review') THEN
           (ARRAY['sms','email','push','web'])[1 + h.channel] END,
         s.status, ($3::text[])[1 + h.barrier], 0.4 + h.confidence / 100.0, ARRAY['1.2','3.2'],
         ARRAY['LZ-GREET-001','LZ-COST-002'], $1::jsonb, 0, 0, 20 + h.confidence / 2, t.at, t.at,
         CASE WHEN s.status = 'approved' THEN t.at END
       FROM generate_series(1, ${RUNS}) AS i
       -- Independent pseudo-random draws per row (hashes of the row number), so filters combine as they would.
       CROSS JOIN LATERAL (SELECT (hashtext(i || 'p') & 2147483647) % 5 AS program,
         (hashtext(i || 'b') & 2147483647) % 10 AS barrier, (hashtext(i || 's') & 2147483647) % 100 AS pick,
         (hashtext(i || 'c') & 2147483647) % 4 AS channel, (hashtext(i || 'q') & 2147483647) % 60 AS confidence,
         (hashtext(i || 'u') & 2147483647) % 20000 AS subject,
         (hashtext(i || 't') & 2147483647) % 7776000 AS seconds_ago) h
       CROSS JOIN LATERAL (SELECT now() - h.seconds_ago * interval '1 second' AS at) t
       CROSS JOIN LATERAL (SELECT CASE WHEN h.pick < 70 THEN 'approved' WHEN h.pick < 82 THEN 'blocked'
         WHEN h.pick < 92 THEN 'skipped' ELSE 'needs_review' END AS status) s`,
      [JSON.stringify(ANSWER), PROGRAMS, BARRIERS],
    ),
  );
}

type Scenario = { label: string; filter: RunFilter };
const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString();
const SCENARIOS: Scenario[] = [
  { label: 'no filter (newest first)', filter: {} },
  { label: 'last 7 days', filter: { from: day(7), to: day(0) } },
  { label: 'a week 60 days ago', filter: { from: day(67), to: day(60) } },
  { label: 'status=blocked', filter: { status: 'blocked' } },
  { label: 'barrier=cost, program', filter: { barrier: 'cost', program: 'corvana-support' } },
  {
    label: 'needs_review+emotional+program (0.2%)',
    filter: { status: 'needs_review', barrier: 'emotional', program: 'respira-copd' },
  },
  { label: '30 days, status=skipped', filter: { from: day(30), status: 'skipped' } },
];

/** OFFSET pagination over the same query (what a naive listing would do): the keyset baseline. */
async function listWithOffset(pool: pg.Pool, f: RunFilter, limit: number, offset: number) {
  const { where, params, p } = runFilterSql(f);
  const sql = `SELECT id, trace_id, status, barrier, program, channel, created_at, duration_ms, model_calls, fallbacks
    FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC
    LIMIT ${p(limit)} OFFSET ${p(offset)}`;
  return (await pool.query(sql, params)).rows;
}

type Walker = (
  s: Scenario,
  page: number,
  cursor?: { at: string; id: string },
) => Promise<Array<{ at: string; id: string }>>;

/** Walks PAGES pages of each scenario WALKS times; returns the per-page times by scenario. */
async function walk(walker: Walker) {
  const out = new Map<string, number[]>();
  for (let w = 0; w < WALKS; w++) {
    for (const s of SCENARIOS) {
      let cursor: { at: string; id: string } | undefined;
      for (let page = 0; page < PAGES; page++) {
        const t = await timed(() => walker(s, page, cursor));
        out.set(s.label, [...(out.get(s.label) ?? []), t.ms]);
        // As the route does: ask for one more than the page, the cursor is the page's last row.
        if (t.result.length <= PAGE) break;
        cursor = t.result[PAGE - 1];
      }
    }
  }
  return out;
}

async function traceListing() {
  const runtime = await openRuntime(parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' }));
  try {
    const pool = runtime.store.pool;
    const seeded = await seedRuns(pool);
    await pool.query('ANALYZE runs');
    console.log(
      `\nseeded ${RUNS} runs rows in ${(seeded.ms / 1000).toFixed(1)} s (one INSERT ... SELECT generate_series)`,
    );
    const listing = createRunListing(pool);
    const keyset: Walker = async (s, _page, cursor) =>
      (await listing.list(s.filter, PAGE + 1, cursor)).map((r) => ({ at: r.createdMicros, id: r.runId }));
    const offset: Walker = async (s, page) =>
      (await listWithOffset(pool, s.filter, PAGE + 1, page * PAGE)).map((r) => ({
        at: (r.created_at as Date).toISOString(),
        id: r.id as string,
      }));
    await walk(keyset); // warm-up
    const byKeyset = await walk(keyset);
    const byOffset = await walk(offset);
    // Baseline: every index on runs that orders by time dropped (then rebuilt from its own definition).
    const timeIndexes = (
      await pool.query<{ indexname: string; indexdef: string }>(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'runs' AND indexdef LIKE '%created_at%'",
      )
    ).rows;
    for (const ix of timeIndexes) await pool.query(`DROP INDEX ${ix.indexname}`);
    const byNoIndex = await walk(keyset);
    for (const ix of timeIndexes) await pool.query(ix.indexdef);
    console.log(`no-index baseline dropped: ${timeIndexes.map((ix) => ix.indexname).join(', ')}`);

    const all = (m: Map<string, number[]>) => [...m.values()].flat();
    printTable(
      `trace listing at ${RUNS} runs: createRunListing(pool).list, ${PAGE}-row pages, up to ${PAGES} pages by cursor, ${WALKS} walks (ms per page)`,
      [
        ['scenario', 'pages', 'p50', 'p95', 'max', 'OFFSET p95', 'no-index p95'],
        ...SCENARIOS.map((s) => {
          const k = byKeyset.get(s.label)!;
          return [
            s.label,
            k.length,
            percentile(k, 50),
            percentile(k, 95),
            Math.max(...k),
            percentile(byOffset.get(s.label)!, 95),
            percentile(byNoIndex.get(s.label)!, 95),
          ];
        }),
        [
          'all pages',
          all(byKeyset).length,
          percentile(all(byKeyset), 50),
          percentile(all(byKeyset), 95),
          Math.max(...all(byKeyset)),
          percentile(all(byOffset), 95),
          percentile(all(byNoIndex), 95),
        ],
      ],
    );
    console.log(
      'baselines: OFFSET = the same query paged with LIMIT/OFFSET on the same indexes; no-index = keyset with the time indexes dropped',
    );
    const p95 = percentile(all(byKeyset), 95);
    printRatio('listing page p95 keyset/offset', p95 / percentile(all(byOffset), 95));
    printRatio('listing page p95 keyset/no-index', p95 / percentile(all(byNoIndex), 95));
    return p95;
  } finally {
    await runtime.store.close();
  }
}

function redactorThroughput() {
  const entries = [...WITH_PII, ...CLEAN];
  const once = entries.reduce((n, e) => n + Buffer.byteLength(e.text), 0);
  const reps = Math.ceil((REDACT_MB * 1024 * 1024) / once);
  const bytes = once * reps;
  // As the runner does: one redactor per request (its personal values known), applied to each free text.
  const redactors = entries.map((e) => createRedactor({ known: e.known ?? [], allow: CORPUS_ALLOW }));
  const phone = /\(?\b\d{3}\)?[-. ]?\d{3}[-. ]?\d{4}\b/g;
  const measure = (fn: () => number) => {
    fn(); // warm-up pass
    const t = performance.now();
    let out = 0;
    for (let r = 0; r < reps; r++) out += fn();
    return { seconds: (performance.now() - t) / 1000, out };
  };
  const redact = measure(() => entries.reduce((n, e, i) => n + redactors[i]!.text(e.text).length, 0));
  const perRequest = measure(() =>
    entries.reduce((n, e) => n + createRedactor({ known: e.known ?? [], allow: CORPUS_ALLOW }).text(e.text).length, 0),
  );
  const plain = measure(() => entries.reduce((n, e) => n + e.text.replace(phone, '[PHONE]').length, 0));
  const mbs = (s: number) => bytes / 1024 / 1024 / s;
  printTable(
    `redactor throughput: ${entries.length} realistic snippets (${(once / 1024).toFixed(1)} KB, ${WITH_PII.length} with personal data) x ${reps} = ${(bytes / 1024 / 1024).toFixed(1)} MB`,
    [
      ['run', 'MB/s', 'snippets/s', 'µs/snippet'],
      [
        'redactor.text (redactor built once per snippet)',
        mbs(redact.seconds),
        (entries.length * reps) / redact.seconds,
        (redact.seconds * 1e6) / (entries.length * reps),
      ],
      [
        '  + createRedactor per snippet',
        mbs(perRequest.seconds),
        (entries.length * reps) / perRequest.seconds,
        (perRequest.seconds * 1e6) / (entries.length * reps),
      ],
      [
        'baseline: String.replace of one phone regex',
        mbs(plain.seconds),
        (entries.length * reps) / plain.seconds,
        (plain.seconds * 1e6) / (entries.length * reps),
      ],
    ],
  );
  printRatio('redactor time/one-regex time (same text)', redact.seconds / plain.seconds);
}

export default async function run() {
  if (wanted('overhead')) {
    const ratio = await traceOverhead();
    console.log(
      `TARGET trace write overhead (compose mean ratio): ${ratio.toFixed(2)} (target <= ${TARGET_TRACE_RATIO}) -> ${ratio <= TARGET_TRACE_RATIO ? 'met' : 'MISSED'}`,
    );
  }
  if (wanted('listing')) {
    const p95 = await traceListing();
    printTarget(`trace listing page p95 at ${RUNS} runs`, p95, TARGET_PAGE_P95_MS, 'ms');
  }
  if (wanted('redactor')) redactorThroughput();
}
