import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { EnvError, loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { CliError } from './cli-error.js';

/** Shown once, when the key is made: only its hash is kept. */
function newKeyNotice(key: string, url: string, dataDir: string) {
  const kept =
    dataDir === 'memory'
      ? "this run's admin key (a new one at every start with an in-memory store)"
      : `the admin key of ${dataDir} (shown once, stored hashed; \`nof1 keys rotate\` replaces it)`;
  return `\nNOF1_API_KEYS is not set: ${kept} is\n\n  ${key}\n\nIn another terminal:\n  export KEY=${key} NOF1_KEY=${key}\n  curl -H "Authorization: Bearer $KEY" "${url}/v1/content/blocks?program=lumenzo-adherence&audience=patient&q=copay"\n  npx nof1 content search "copay help" --program lumenzo-adherence   # reaches this service\nDocs: ${url}/docs · reviewer console: ${url}/review\n\n`;
}

function workerCount(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError('--workers: expected a whole number from 1 to 64');
  return n;
}

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Start the HTTP service (embedded store unless DATABASE_URL is set).')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .option(
      '-w, --workers <n>',
      'worker processes sharing the port and the store (default: one per core; 1 = one process)',
    )
    .action(async (opts: { port?: string; workers?: string }) => {
      let env: ReturnType<typeof loadEnv>;
      try {
        env = loadEnv(opts.port ? { PORT: opts.port } : {});
      } catch (err) {
        if (err instanceof EnvError) throw new CliError(err.message);
        throw err;
      }
      const workers = workerCount(opts.workers);
      const logger = createLogger(env.LOG_LEVEL);
      // Loaded on demand: the primary of several workers never loads the HTTP and graph modules itself.
      const starting =
        workers > 1
          ? import('./serve-cluster.js').then((m) => m.startCluster(env, logger, { workers }))
          : import('../service.js').then((m) => m.startService(env, logger));
      // Listening before start-up ends: a worker may already answer requests (and log that it listens).
      // Kept (not `once`): the data-folder lock's exit hook re-raises a signal it finds no other listener for.
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'shutting down');
        starting
          .then((service) => service.close())
          .then(
            () => process.exit(0),
            (err: unknown) => {
              logger.error({ err }, 'stopped with an error');
              process.exit(1);
            },
          );
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
      const service = await starting;
      if (service.adminKey) process.stdout.write(newKeyNotice(service.adminKey, service.url, env.NOF1_DATA_DIR));
      else if (service.adminKeySince) {
        logger.info(
          { createdAt: service.adminKeySince },
          'admin key: the one generated earlier for this data folder (`nof1 keys rotate` makes a new one)',
        );
      }
    });
}
