import { createHash, randomUUID } from 'node:crypto';
import { MemorySaver } from '@langchain/langgraph';
import { createComposeNodes, createComposeStack } from '../src/compose/compose-stack.js';
import { createModelEngines } from '../src/compose/model-engines.js';
import { personalValues, redactRequest } from '../src/compose/request-privacy.js';
import { createHashEmbedder } from '../src/content/embedder.js';
import type { ComposeAnswer, ComposeRequest } from '../src/domain/compose.js';
import type { StepRecord } from '../src/domain/step.js';
import { parseEnv } from '../src/env.js';
import { buildComposeGraph, type GraphNodes } from '../src/graph/build-graph.js';
import { HeldRunSaver } from '../src/graph/held-run-saver.js';
import {
  afterAssembly,
  afterCompliance as afterComplianceFor,
  afterDiagnosis,
  afterResource,
  afterTriage,
  DEFAULT_RUN_POLICY,
} from '../src/graph/run-policy.js';
import type { RunSecretsStore } from '../src/graph/run-secrets.js';
import type { ComposeStateType } from '../src/graph/state.js';
import { createLogger } from '../src/logger.js';
import { createRedactor } from '../src/privacy/redact.js';
import { startService } from '../src/service.js';
import { createContentRepo } from '../src/store/content-repo.js';
import type { RunsRepo } from '../src/store/runs-repo.js';
import { mixedRequest, shapeOf, UNHELD } from './support/compose-requests.js';
import { loadGenerated, openLoadedRuntime, STORE_BLOCKS } from './support/compose-store.js';
import { startInstantModel } from './support/model-script.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const WARMUP = 30;
const COMPOSES = 400;
const OVERHEAD_ROUNDS = 200; // requests per variant in the graph-overhead comparison, interleaved
const MODEL_COMPOSES = 120; // per engine, interleaved
const HTTP_SEQUENTIAL = 150;
const HTTP_CLIENTS = 20;
const HTTP_PER_CLIENT = 20;
const TARGET_P95_MS = 50;
const TARGET_MODEL_CALLS = 3;
const CLIENT_KEY = 'bench-client-key-0001';

type Runtime = Awaited<ReturnType<typeof openLoadedRuntime>>['runtime'];
type Nodes = ReturnType<typeof createComposeNodes>;
type Update = Partial<ComposeStateType> & { steps: StepRecord[] };

const stats = (ms: number[]) => [percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), mean(ms)];
const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 24)}`;
const today = () => new Date().toISOString().slice(0, 10);

/** saveRun, timed: the persistence share of each compose. */
function timedRuns(runs: RunsRepo) {
  const saves: number[] = [];
  const repo: RunsRepo = {
    ...runs,
    async saveRun(...args) {
      const t0 = performance.now();
      try {
        return await runs.saveRun(...args);
      } finally {
        saves.push(performance.now() - t0);
      }
    },
  };
  return { repo, saves };
}

/** Brand and programme names (the runner's contentTerms), loaded once before the comparisons. */
let terms: string[] = [];

/** The run's first state, as the runner builds it (redacted request, personal values known). */
function initialState(request: ComposeRequest, runId: string): ComposeStateType {
  const redactor = createRedactor({ known: personalValues(request, terms), allow: terms });
  return {
    runId,
    traceId: newId('trc'),
    request: redactRequest(request, redactor),
    today: today(),
    context: null,
    safety: null,
    diagnosis: null,
    strategy: null,
    channel: null,
    message: null,
    usedBlocks: [],
    checks: [],
    readability: null,
    round: 0,
    revise: false,
    contentGap: null,
    status: null,
    holdReason: null,
    reviewId: null,
    decision: null,
    steps: [],
  };
}

const afterCompliance = afterComplianceFor(DEFAULT_RUN_POLICY);

/** The same node functions, called in sequence with the graph's routing and reducers, no LangGraph at all. */
async function runDirect(nodes: Nodes, secrets: RunSecretsStore, request: ComposeRequest) {
  const runId = newId('msg');
  secrets.put(runId, { signals: request.signals, personalValues: personalValues(request, terms) });
  const updates: Array<[string, Update]> = [];
  let s = initialState(request, runId);
  const step = async (name: string, node: (s: ComposeStateType) => Promise<Update>) => {
    const u = await node(s);
    updates.push([name, u]);
    s = { ...s, ...u, steps: s.steps.concat(u.steps) };
  };
  try {
    await step('load_context', nodes.loadContext);
    await step('triage_safety', nodes.triage);
    let next: string = afterTriage(s);
    if (next === 'propose_resource') {
      await step(next, nodes.proposeResource);
      next = afterResource(s);
    } else {
      await step('diagnose_barrier', nodes.diagnose);
      next = afterDiagnosis(s);
    }
    for (;;) {
      if (next === 'plan_strategy') {
        await step(next, nodes.plan);
        next = 'assemble_message';
      } else if (next === 'assemble_message') {
        await step(next, nodes.assemble);
        next = afterAssembly(s);
      } else if (next === 'check_compliance') {
        await step(next, nodes.check);
        next = afterCompliance(s);
      } else break;
    }
    if (next === 'hold_for_review') return { state: s, held: true, updates };
    await step('finalize', nodes.finalize);
    return { state: s, held: false, updates };
  } finally {
    secrets.drop(runId);
  }
}

/** Drives a compiled graph exactly as the runner does (stream of updates + values, durability on exit). */
async function driveGraph(
  compiled: { stream: (input: never, config: unknown) => Promise<unknown> },
  saver: HeldRunSaver,
  input: ComposeStateType,
) {
  const config = {
    configurable: { thread_id: input.runId },
    durability: 'exit' as const,
    streamMode: ['updates', 'values'],
  };
  let state: ComposeStateType | undefined;
  for await (const [mode, chunk] of (await compiled.stream(input as never, config)) as AsyncIterable<
    [string, unknown]
  >) {
    if (mode === 'values' && chunk && typeof chunk === 'object' && 'steps' in chunk) state = chunk as ComposeStateType;
  }
  await saver.forget(input.runId, false);
  return state!;
}

const summaryOf = (s: { status: string | null; message: { blocks: Array<{ id: string }> } | null }) =>
  `${s.status}:${s.message?.blocks.map((b) => b.id).join(',') ?? ''}`;

async function offlineLatency(runtime: Runtime) {
  const runs = timedRuns(runtime.runs);
  const perNode = new Map<string, number[]>();
  const stack = await createComposeStack({
    pool: runtime.store.pool,
    ...runtime,
    runs: runs.repo,
    observe: (_answer, steps) => {
      for (const s of steps) perNode.set(s.node, [...(perNode.get(s.node) ?? []), s.durationMs]);
    },
  });
  for (let i = 0; i < WARMUP; i++) await stack.runner.compose(mixedRequest(i, { tag: 'warm' }));
  perNode.clear();
  runs.saves.length = 0;
  const ms: number[] = [];
  const cpu: number[] = [];
  const statuses = new Map<string, number>();
  const digest = createHash('sha256');
  for (let i = 0; i < COMPOSES; i++) {
    const t = await timed(() => stack.runner.compose(mixedRequest(i)));
    ms.push(t.ms);
    cpu.push(t.cpuMs);
    statuses.set(t.result.status, (statuses.get(t.result.status) ?? 0) + 1);
    digest.update(`${t.result.status}|${t.result.diagnosis?.barrier}|${t.result.message?.blocks.map((b) => b.id)}\n`);
  }
  printTable(
    `compose offline, in-process: ${COMPOSES} composes (14 request shapes, 200 subjects) at ${STORE_BLOCKS} blocks + demo (ms)`,
    [
      ['run', 'p50', 'p95', 'p99', 'mean', 'cpu mean'],
      ['runner.compose (graph + saveRun)', ...stats(ms), mean(cpu)],
      ['  of which saveRun (run + trace rows)', ...stats(runs.saves), Number.NaN],
    ],
  );
  console.log(
    `statuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}; answers digest (status, barrier, block ids ` +
      `in order, to compare code versions): ${digest.digest('hex').slice(0, 16)}`,
  );
  console.log(`persistence share (saveRun mean / compose mean): ${((100 * mean(runs.saves)) / mean(ms)).toFixed(0)}%`);
  printTable('per node, from the trace steps (durationMs)', [
    ['node', 'calls', 'p50', 'p95', 'mean'],
    ...[...perNode].map(([node, d]) => [node, d.length, percentile(d, 50), percentile(d, 95), mean(d)]),
  ]);
  return { ms, stack };
}

async function graphOverhead(runtime: Runtime, stack: Awaited<ReturnType<typeof createComposeStack>>) {
  terms = await runtime.content.contentTerms();
  const nodes = createComposeNodes(runtime, stack.secrets);
  const saver = new HeldRunSaver(new MemorySaver());
  const compiled = stack.graph.compile({ checkpointer: saver }) as never;
  // Replay: nodes that only hand back the updates a direct run recorded, so the graph walks the same path
  // with the same state but the nodes do no work — what is left is LangGraph's own cost.
  const recorded = new Map<string, Array<[string, Update]>>();
  const replayNode = (name: string) => async (s: ComposeStateType) => {
    const [got, update] = recorded.get(s.runId)!.shift()!;
    if (got !== name) throw new Error(`replay expected ${got}, graph ran ${name}`);
    return update;
  };
  const replayNodes: GraphNodes = {
    loadContext: replayNode('load_context'),
    triage: replayNode('triage_safety'),
    proposeResource: replayNode('propose_resource'),
    diagnose: replayNode('diagnose_barrier'),
    plan: replayNode('plan_strategy'),
    assemble: replayNode('assemble_message'),
    check: replayNode('check_compliance'),
    hold: replayNode('hold_for_review'),
    review: replayNode('human_review'),
    finalize: replayNode('finalize'),
  };
  const replaySaver = new HeldRunSaver(new MemorySaver());
  const replay = buildComposeGraph(replayNodes, DEFAULT_RUN_POLICY).compile({
    checkpointer: replaySaver,
  }) as never;

  const t = { direct: [] as number[], graph: [] as number[], replay: [] as number[], runner: [] as number[] };
  let mismatches = 0;
  let held = 0;
  for (let i = 0; i < OVERHEAD_ROUNDS + 10; i++) {
    const warm = i < 10;
    // Fresh subjects: no variant sees history another wrote, so all four do the same work.
    const req = (v: string) => mixedRequest(i, { shapes: UNHELD, tag: `ov-${v}-${i}`, subjects: 1 });
    const d = await timed(() => runDirect(nodes, stack.secrets, req('d')));
    const gReq = req('g');
    const input = initialState(gReq, newId('msg'));
    stack.secrets.put(input.runId, { signals: gReq.signals, personalValues: personalValues(gReq, terms) });
    const g = await timed(() => driveGraph(compiled, saver, input));
    stack.secrets.drop(input.runId);
    if (summaryOf(g.result) !== summaryOf(d.result.state)) mismatches++;
    if (d.result.held) held++;
    let r: number | undefined;
    if (!d.result.held) {
      const rInput = initialState(req('r'), newId('msg'));
      recorded.set(rInput.runId, d.result.updates);
      r = (await timed(() => driveGraph(replay, replaySaver, rInput))).ms;
      recorded.delete(rInput.runId);
    }
    const full = await timed(() => stack.runner.compose(req('f')));
    if (warm) continue;
    t.direct.push(d.ms);
    t.graph.push(g.ms);
    if (r !== undefined) t.replay.push(r);
    t.runner.push(full.ms);
  }
  printTable(
    `graph overhead: the same ${OVERHEAD_ROUNDS} requests (13 shapes that are not held) per variant, interleaved (ms)`,
    [
      ['variant', 'p50', 'p95', 'p99', 'mean'],
      ['baseline: node functions called directly, no LangGraph', ...stats(t.direct)],
      ['compiled LangGraph graph, same nodes (checkpoints in memory)', ...stats(t.graph)],
      ['same graph replaying recorded updates (LangGraph alone)', ...stats(t.replay)],
      ['runner.compose (graph + redaction + answer + saveRun)', ...stats(t.runner)],
    ],
  );
  console.log(
    `graph overhead per compose: ${(mean(t.graph) - mean(t.direct)).toFixed(2)} ms mean (graph − direct); ` +
      `LangGraph alone ${mean(t.replay).toFixed(2)} ms mean; direct and graph answers differ in ${mismatches}/${OVERHEAD_ROUNDS + 10}; ` +
      `held by the graph ${held}`,
  );
  printRatio('compose mean graph/direct', mean(t.graph) / mean(t.direct));
}

async function modelPath(runtime: Runtime) {
  const model = await startInstantModel();
  try {
    const env = parseEnv({
      ...model.env,
      NOF1_MODEL_TIMEOUT_MS: String(model.env.NOF1_MODEL_TIMEOUT_MS),
      NOF1_MODEL_MAX_RETRIES: '0',
    });
    const offline = await createComposeStack({ pool: runtime.store.pool, ...runtime });
    const withModel = await createComposeStack({
      pool: runtime.store.pool,
      ...runtime,
      models: createModelEngines(env),
    });
    for (let i = 0; i < 10; i++) {
      await offline.runner.compose(mixedRequest(i, { tag: 'mwarm-o' }));
      await withModel.runner.compose(mixedRequest(i, { tag: 'mwarm-m' }));
    }
    const o: number[] = [];
    const m: number[] = [];
    const calls: number[] = [];
    const httpCalls: number[] = [];
    let fallbacks = 0;
    const byShape = new Map<string, number[]>();
    for (let i = 0; i < MODEL_COMPOSES; i++) {
      o.push((await timed(() => offline.runner.compose(mixedRequest(i, { tag: 'mo' })))).ms);
      const before = model.server.requests.length;
      const t = await timed(() => withModel.runner.compose(mixedRequest(i, { tag: 'mm' })));
      m.push(t.ms);
      const a: ComposeAnswer = t.result;
      calls.push(a.engine?.modelCalls ?? 0);
      httpCalls.push(model.server.requests.length - before);
      fallbacks += a.engine?.fallbacks.length ?? 0;
      const shape = shapeOf(i);
      byShape.set(shape, [...(byShape.get(shape) ?? []), a.engine?.modelCalls ?? 0]);
    }
    printTable(
      `scripted model server (instant valid tool calls): ${MODEL_COMPOSES} composes per engine, interleaved (ms)`,
      [
        ['engine', 'p50', 'p95', 'p99', 'mean'],
        ['baseline: offline engines', ...stats(o)],
        ['model engines (diagnosis, selection, review)', ...stats(m)],
      ],
    );
    console.log(
      `model calls per message: mean ${mean(calls).toFixed(2)}, max ${Math.max(...calls)} ` +
        `(requests the server saw: mean ${mean(httpCalls).toFixed(2)}, max ${Math.max(...httpCalls)}); fallbacks ${fallbacks}`,
    );
    console.log(`by shape (max calls): ${[...byShape].map(([s, c]) => `${s} ${Math.max(...c)}`).join(', ')}`);
    console.log(`added latency with the model: ${(percentile(m, 50) - percentile(o, 50)).toFixed(1)} ms at p50`);
    printRatio('compose p50 model/offline', percentile(m, 50) / percentile(o, 50));
    return Math.max(...calls);
  } finally {
    await model.server.close();
  }
}

async function httpThroughput() {
  const env = parseEnv({
    PORT: '0',
    NOF1_DATA_DIR: 'memory',
    NOF1_API_KEYS: `client:${CLIENT_KEY}`,
    LOG_LEVEL: 'silent',
  });
  const svc = await startService(env, createLogger('silent'));
  try {
    await loadGenerated(createContentRepo(svc.pool, createHashEmbedder()), svc.pool);
    const post = async (i: number, tag: string) => {
      const t0 = performance.now();
      const res = await fetch(`${svc.url}/v1/compose`, {
        method: 'POST',
        headers: { authorization: `Bearer ${CLIENT_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(mixedRequest(i, { tag })),
      });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`POST /v1/compose ${res.status}: ${body.slice(0, 200)}`);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await post(i, 'hwarm');
    const seq: number[] = [];
    const seqWall = await timed(async () => {
      for (let i = 0; i < HTTP_SEQUENTIAL; i++) seq.push(await post(i, 'hs'));
    });
    const conc: number[] = [];
    const concWall = await timed(() =>
      Promise.all(
        Array.from({ length: HTTP_CLIENTS }, async (_, c) => {
          for (let k = 0; k < HTTP_PER_CLIENT; k++) conc.push(await post(c * HTTP_PER_CLIENT + k, 'hc'));
        }),
      ),
    );
    const seqRps = HTTP_SEQUENTIAL / (seqWall.ms / 1000);
    const concRps = conc.length / (concWall.ms / 1000);
    printTable('compose over HTTP (startService, embedded store, demo + 10,000 blocks)', [
      ['clients', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'cpu s'],
      [
        'baseline: 1 sequential client',
        HTTP_SEQUENTIAL,
        seqRps,
        percentile(seq, 50),
        percentile(seq, 95),
        percentile(seq, 99),
        seqWall.cpuMs / 1000,
      ],
      [
        `${HTTP_CLIENTS} concurrent clients`,
        conc.length,
        concRps,
        percentile(conc, 50),
        percentile(conc, 95),
        percentile(conc, 99),
        concWall.cpuMs / 1000,
      ],
    ]);
    printRatio(`http req/s ${HTTP_CLIENTS} clients/1 client`, concRps / seqRps);
  } finally {
    await svc.close();
  }
}

export default async function run() {
  const { runtime } = await openLoadedRuntime();
  let p95: number;
  let maxCalls: number;
  try {
    const { ms, stack } = await offlineLatency(runtime);
    p95 = percentile(ms, 95);
    await graphOverhead(runtime, stack);
    maxCalls = await modelPath(runtime);
  } finally {
    await runtime.store.close();
  }
  await httpThroughput();
  printTarget('compose p95 offline (in-process)', p95, TARGET_P95_MS, 'ms');
  console.log(
    `TARGET model calls per message (max): ${maxCalls} (target <= ${TARGET_MODEL_CALLS}) -> ${maxCalls <= TARGET_MODEL_CALLS ? 'met' : 'MISSED'}`,
  );
}
