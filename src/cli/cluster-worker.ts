/**
 * A worker process of `nof1 serve --workers N`: HTTP and the compose graph, on the store the primary
 * owns. It starts loading the service while the primary opens the store, then waits for its go.
 */
import cluster from 'node:cluster';
import type { FromWorker, ToWorker } from './cluster-messages.js';

const send = (message: FromWorker) =>
  new Promise<void>((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
const contentListeners: Array<() => void> = [];
let contentChanged: () => void = () => undefined;
let stop: () => void = () => process.exit(0);
const started = new Promise<Extract<ToWorker, { type: 'start' }>>((resolve) => {
  process.on('message', (message: ToWorker) => {
    if (message.type === 'start') resolve(message);
    else if (message.type === 'content-changed') contentChanged();
    else if (message.type === 'stop') stop();
  });
});
// The primary decides when workers stop (Ctrl-C reaches every process of the group): a worker ends when
// told to, or when the primary is gone.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);
process.on('disconnect', () => stop());
void send({ type: 'hello' });

const [{ parseEnv }, { createLogger }, { startService }, { createOfflineDiagnosisEngine }] = await Promise.all([
  import('../env.js'),
  import('../logger.js'),
  import('../service.js'),
  import('../../agents/barrier/offline-diagnosis.js'),
]);
// Most of a worker's own start, and it needs no store: made while the primary is still opening it.
const offlineDiagnosis = createOfflineDiagnosisEngine();
const loadedAt = Date.now();
const go = await started;
const goAt = Date.now();
const env = parseEnv(go.env);
const logger = createLogger(env.LOG_LEVEL).child({ worker: cluster.worker?.id, pid: process.pid });
contentChanged = () => {
  logger.debug('content changed in another worker: cached terms dropped');
  for (const listener of contentListeners) listener();
};
try {
  const service = await startService(env, logger, {
    prepared: true,
    checkpointsReady: go.checkpointsReady,
    offlineDiagnosis,
    peers: {
      announce: () => void send({ type: 'content-changed' }),
      onChange: (listener) => contentListeners.push(listener),
    },
  });
  let stopping = false;
  stop = () => {
    if (stopping) return;
    stopping = true;
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'worker stopped with an error');
        process.exit(1);
      },
    );
  };
  await send({ type: 'listening', port: service.port });
  // Wall-clock times comparable with the primary's: where this worker's start went.
  logger.debug(
    { startedAt: Math.round(performance.timeOrigin), loadedAt, goAt, listeningAt: Date.now() },
    'start phases of a worker',
  );
} catch (err) {
  await send({ type: 'failed', message: (err as Error).message });
  process.exit(1);
}
