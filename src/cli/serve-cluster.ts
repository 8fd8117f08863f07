import cluster, { type Worker } from 'node:cluster';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createEvalStore } from '../../evals/eval-store.js';
import { loadServiceKeys } from '../auth/service-keys.js';
import type { Env } from '../env.js';
import { openRuntime, prepareStore } from '../runtime.js';
import type { RunningService } from '../service.js';
import { announceService, listenUrl } from '../store/service-file.js';
import type { FromWorker } from './cluster-messages.js';
import { tellWorker } from './tell-worker.js';

export type ClusterOptions = {
  workers: number;
  /** Where the workers' output goes (tests read their logs); by default it is this process's own. */
  workerOutput?: (chunk: Buffer) => void;
  /** How long stop waits for a worker to finish its in-flight requests before killing it. */
  stopTimeoutMs?: number;
};
// The closed loop's worker runs inside each worker process, not here.
export type RunningCluster = Omit<RunningService, 'worker'> & {
  /** The process ids of the workers serving now. */
  workerPids(): number[];
};

// Workers run as TypeScript (tsx) or as compiled JavaScript, whichever this file is. The worker's entry
// sits in the same folder: beside this file in src/ and dist/, beside the chunk holding it in a bundle.
const own = fileURLToPath(import.meta.url);
const WORKER_FILE = join(dirname(own), `cluster-worker${extname(own)}`);
const LOADER = extname(own) === '.ts' ? ['--import', 'tsx'] : [];
/** Connections each worker keeps to the embedded store: one in use, others queued at its gate. */
const WORKER_POOL = 4;

/** One worker process and how far its start has come. */
type Slot = { worker: Worker; hello: boolean; started: boolean; listening: boolean };

/** The parsed environment as the strings a worker parses again. */
const envStrings = (env: Env) =>
  Object.fromEntries(
    Object.entries(env).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)] as [string, string]])),
  );

/**
 * `nof1 serve --workers N`: this process (the primary) owns the store — the embedded PGlite behind its
 * session gate, or prepares DATABASE_URL — and N worker processes run HTTP and the graph on one port,
 * each through its own pool. Everything a guarantee rests on (frequency cap, idempotency claims, review
 * decisions, held runs' checkpoints) lives in the store, so it holds whichever worker a request reaches.
 * A worker that dies is replaced; close() lets every worker finish its requests, then closes the store.
 */
export async function startCluster(env: Env, logger: Logger, opts: ClusterOptions): Promise<RunningCluster> {
  cluster.setupPrimary({ exec: WORKER_FILE, execArgv: LOADER, silent: opts.workerOutput !== undefined });
  const slots = new Map<Worker, Slot>();
  let stopping = false;
  let checkpointsReady = false;
  let workerEnv: Record<string, string> | undefined;
  let port = 0;
  let failStart: (err: Error) => void = () => undefined;
  let allListening: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    allListening = resolve;
    failStart = reject;
  });
  const serving = () => [...slots.values()].filter((s) => s.listening);

  /** Sends the go once the store is ready; the first worker creates the checkpoint tables, the rest follow it. */
  const start = (slot: Slot) => {
    if (!workerEnv || !slot.hello || slot.started) return;
    if (!checkpointsReady && [...slots.values()].some((s) => s.started)) return;
    slot.started = true;
    tellWorker(slot.worker, { type: 'start', env: workerEnv, checkpointsReady });
  };

  const onMessage = (slot: Slot, m: FromWorker) => {
    if (m.type === 'hello') {
      slot.hello = true;
      start(slot);
    } else if (m.type === 'listening') {
      port = m.port;
      slot.listening = true;
      checkpointsReady = true;
      for (const other of slots.values()) start(other);
      if (serving().length === opts.workers) allListening();
    } else if (m.type === 'failed') {
      failStart(new Error(`a worker could not start: ${m.message}`));
    } else if (m.type === 'content-changed') {
      for (const other of serving()) if (other !== slot) tellWorker(other.worker, { type: 'content-changed' });
    }
  };

  const fork = () => {
    const worker = cluster.fork();
    const slot: Slot = { worker, hello: false, started: false, listening: false };
    slots.set(worker, slot);
    if (opts.workerOutput) {
      worker.process.stdout?.on('data', opts.workerOutput);
      worker.process.stderr?.on('data', opts.workerOutput);
    }
    worker.on('message', (m: FromWorker) => onMessage(slot, m));
    worker.on('exit', (code, signal) => {
      slots.delete(worker);
      if (stopping) return;
      if (!slot.listening) {
        failStart(new Error(`a worker exited while starting (${signal ?? `exit ${code}`})`));
        return;
      }
      logger.warn({ worker: worker.id, code, signal }, 'worker exited; starting another');
      fork();
    });
  };

  // Start-up phases at debug level, as wall-clock times comparable across processes (the critical path).
  const phase = (name: string) => logger.debug({ at: Date.now() }, `start phase: ${name}`);
  logger.debug({ at: Math.round(performance.timeOrigin) }, 'start phase: primary process started');
  for (let i = 0; i < opts.workers; i++) fork();
  phase('workers forked');
  const runtime = await openRuntime(env).catch(async (err: unknown) => {
    await stopWorkers();
    throw err;
  });

  async function stopWorkers() {
    stopping = true;
    const limit = opts.stopTimeoutMs ?? 30_000;
    await Promise.all(
      [...slots.keys()].map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.process.exitCode !== null || w.process.signalCode !== null) return resolve();
            const kill = setTimeout(() => w.process.kill('SIGKILL'), limit);
            w.process.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            if (!tellWorker(w, { type: 'stop' })) w.process.kill('SIGKILL');
          }),
      ),
    );
  }

  let keys: Awaited<ReturnType<typeof loadServiceKeys>>;
  try {
    phase('store open');
    await prepareStore(runtime, env, logger, {
      // Loaded only then: this process never runs the graph, and the module is a large part of its start.
      alsoPrepared: async () =>
        (await import('../compose/batched-postgres-saver.js')).setupCheckpointTables(runtime.store.pool),
    });
    phase('store prepared');
    // Made (or read) once here, after the store is open: workers read the stored admin key's hash themselves.
    keys = await loadServiceKeys(env);
    // Only this process and its workers use an embedded store: a run still marked running was cut off
    // (one restored from the prepared snapshot has run nothing).
    if (runtime.store.kind === 'embedded' && !runtime.store.asPrepared) {
      await createEvalStore(runtime.store.pool).failInterrupted();
    }
    workerEnv = {
      ...envStrings(env),
      DATABASE_URL: runtime.store.url,
      NOF1_DB_POOL_MAX: String(env.DATABASE_URL ? (env.NOF1_DB_POOL_MAX ?? 10) : WORKER_POOL),
      // An in-memory store keeps no key file: its one-start admin key travels to the workers instead.
      ...(keys.newAdminKey && env.NOF1_DATA_DIR === 'memory'
        ? { NOF1_API_KEYS: `admin:admin=${keys.newAdminKey}` }
        : {}),
    };
    for (const slot of slots.values()) start(slot);
    await ready;
  } catch (err) {
    await stopWorkers();
    await runtime.store.close();
    throw err;
  }
  const url = listenUrl(env.HOST, port);
  // The folder is this process's: the CLI finds the service here instead of failing on the lock.
  const withdraw = await announceService(runtime.store, env.NOF1_DATA_DIR, url);
  // Serving now: the copy the next new folder starts from is made off the path to a healthy service.
  const spare = runtime.store.readySpare();
  logger.info({ port, host: env.HOST, workers: opts.workers, store: runtime.store.kind }, 'nof1 workers listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    adminKey: keys.newAdminKey,
    adminKeySince: keys.storedSince,
    pool: runtime.store.pool,
    workerPids: () => serving().flatMap((s) => (s.worker.process.pid === undefined ? [] : [s.worker.process.pid])),
    close() {
      closing ??= (async () => {
        await stopWorkers();
        await withdraw();
        await spare;
        await runtime.store.close();
        logger.info('nof1 stopped');
      })();
      return closing;
    },
  };
}
