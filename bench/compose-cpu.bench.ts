import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { createComposeStack } from '../src/compose/compose-stack.js';
import { cacheContentReads } from '../src/content/content-read-cache.js';
import type { ComposeAnswer, ComposeRequest } from '../src/domain/compose.js';
import { restoreCoreRunTrees, skipUntracedRunTrees } from '../src/graph/untraced-run-context.js';
import { mixedRequest } from './support/compose-requests.js';
import { openLoadedRuntime, STORE_BLOCKS } from './support/compose-store.js';
import { printRatio, printTable } from './support/report.js';
import { mean, percentile } from './support/stats.js';
import { timed } from './support/timer.js';

const WARMUP = 60;
const COMPOSES = Number(process.env.NOF1_BENCH_COMPOSES ?? 600);
/** Another checkout of nof1 (a `git archive` of the commit to compare with): its graph runs beside this one's. */
const BASE = process.env.NOF1_BENCH_BASE;
/** A path: profile this tree's timed composes only (not the store's load), as a .cpuprofile for DevTools. */
const PROFILE = process.env.NOF1_BENCH_PROFILE;
/**
 * How @langchain/core's process-wide `runWithConfig` is set before each compose (the switch is global, so
 * a NOF1_BENCH_BASE checkout alone cannot measure it: both stacks share one @langchain/core). `ab`: the
 * baseline (NOF1_BENCH_BASE, from before 142f898, or else this tree) composes with core's own method, a
 * LangSmith run tree per runnable, and this tree with untraced run trees skipped. `core`: this tree alone,
 * with core's own method (a profile of the tree as it was).
 */
const RUN_TREES = process.env.NOF1_BENCH_RUN_TREES;
const withRunTrees =
  (core: boolean, compose: Compose): Compose =>
  (r) => {
    if (core) restoreCoreRunTrees();
    else skipUntracedRunTrees();
    return compose(r);
  };

type Compose = (request: ComposeRequest) => Promise<ComposeAnswer>;
type Variant = { name: string; tag: string; compose: Compose; cpu: number[]; digest: ReturnType<typeof createHash> };

/**
 * The compose stack of a checkout, over this store's pool, wired as the service wires it (src/service.ts). A
 * checkout from before `run-context-repo.ts` reads settings and engagement apart: it is given those repositories.
 */
async function stackOf(root: string, pool: pg.Pool): Promise<Compose> {
  const load = <T>(path: string) => import(pathToFileURL(resolve(root, path)).href) as Promise<T>;
  const [{ createComposeStack: create }, cache, content, runs, learner, embedder] = await Promise.all([
    load<typeof import('../src/compose/compose-stack.js')>('src/compose/compose-stack.ts'),
    load<typeof import('../src/content/content-read-cache.js')>('src/content/content-read-cache.ts'),
    load<typeof import('../src/store/content-repo.js')>('src/store/content-repo.ts'),
    load<typeof import('../src/store/runs-repo.js')>('src/store/runs-repo.ts'),
    load<typeof import('../src/store/learner-repo.js')>('src/store/learner-repo.ts'),
    load<typeof import('../src/content/embedder.js')>('src/content/embedder.ts'),
  ]);
  const reads = existsSync(resolve(root, 'src/store/run-context-repo.ts'))
    ? {
        runContext: (
          await load<typeof import('../src/store/run-context-repo.js')>('src/store/run-context-repo.ts')
        ).createRunContextRepo(pool),
        engagement: true,
      }
    : {
        settings: (
          await load<{ createSettingsRepo(p: pg.Pool): unknown }>('src/store/settings-repo.ts')
        ).createSettingsRepo(pool),
        engagement: (
          await load<{ createOutcomesRepo(p: pg.Pool): unknown }>('src/store/outcomes-repo.ts')
        ).createOutcomesRepo(pool),
      };
  const repo = content.createContentRepo(pool, embedder.createHashEmbedder());
  const stack = await create({
    pool,
    content: repo,
    composerContent: cache.cacheContentReads(repo),
    runs: runs.createRunsRepo(pool),
    learner: learner.createLearnerRepo(pool),
    ...reads,
  } as Parameters<typeof create>[0]);
  return (request) => stack.runner.compose(request);
}

async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (path: string) => {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(path, JSON.stringify(profile));
    session.disconnect();
  };
}

/**
 * CPU per offline compose in process, wired as the service wires it (graph + redaction + saveRun, PGlite
 * included since it runs here), the figure issue 15's throughput target rests on: at 20 clients on 2 cores
 * it needs ≈ 20–25 ms. With NOF1_BENCH_BASE the other checkout's stack composes the same requests over the
 * same store, interleaved request by request, so both meet the same machine; the answers digests say whether
 * both gave the same answers. Two subject pools: 200 subjects with history (as `compose`), and a new subject
 * for every request, as most production requests are (per-subject work is not remembered across requests).
 */
export default async function run() {
  const { runtime } = await openLoadedRuntime();
  try {
    const pool = runtime.store.pool;
    const own = await createComposeStack({
      pool,
      ...runtime,
      composerContent: cacheContentReads(runtime.content),
      engagement: true,
    });
    const mine: Compose = (r) => own.runner.compose(r);
    const variants: Variant[] = [
      {
        name: 'this tree',
        tag: 'n',
        compose: RUN_TREES ? withRunTrees(RUN_TREES === 'core', mine) : mine,
        cpu: [],
        digest: createHash('sha256'),
      },
    ];
    if (BASE || RUN_TREES === 'ab') {
      const base = BASE ? await stackOf(BASE, pool) : mine;
      variants.unshift({
        name: `baseline ${BASE ?? 'this tree'}${RUN_TREES === 'ab' ? ', core run trees' : ''}`,
        tag: 'b',
        compose: RUN_TREES === 'ab' ? withRunTrees(true, base) : base,
        cpu: [],
        digest: createHash('sha256'),
      });
    }
    for (const pool of [
      { label: '200 subjects', subjects: 200 },
      { label: 'a new subject each', subjects: 1e9 },
    ]) {
      for (const v of variants) {
        v.cpu = [];
        v.digest = createHash('sha256');
        for (let i = 0; i < WARMUP; i++)
          await v.compose(mixedRequest(i, { tag: `${v.tag}w`, subjects: pool.subjects }));
      }
      const load = loadavg()[0]!;
      const stop = PROFILE && pool.subjects === 200 ? await startProfile() : undefined;
      for (let i = 0; i < COMPOSES; i++) {
        // Alternate which goes first, so neither always meets the other's garbage.
        for (const v of i % 2 ? [...variants].reverse() : variants) {
          const t = await timed(() => v.compose(mixedRequest(i, { tag: v.tag, subjects: pool.subjects })));
          v.cpu.push(t.cpuMs);
          const a = t.result;
          v.digest.update(`${a.status}|${a.diagnosis?.barrier}|${a.message?.blocks.map((b) => b.id)}\n`);
        }
      }
      if (stop && PROFILE) await stop(PROFILE);
      printTable(
        `offline compose CPU (ms), ${COMPOSES} composes each, ${pool.label}, at ${STORE_BLOCKS} blocks + demo (load ${load.toFixed(2)})`,
        [
          ['variant', 'p50', 'p95', 'mean', 'answers digest'],
          ...variants.map((v) => [
            v.name,
            percentile(v.cpu, 50),
            percentile(v.cpu, 95),
            mean(v.cpu),
            v.digest.digest('hex').slice(0, 16),
          ]),
        ],
      );
      if (variants.length === 2) {
        printRatio(`compose cpu mean this/baseline (${pool.label})`, mean(variants[1]!.cpu) / mean(variants[0]!.cpu));
      }
    }
  } finally {
    await runtime.store.close();
  }
}
