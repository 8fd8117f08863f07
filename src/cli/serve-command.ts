import type { Command } from 'commander';
import { EnvError, loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { startService } from '../service.js';
import { CliError } from './cli-error.js';

/** Shown once, when the key is made: only its hash is kept. */
function newKeyNotice(key: string, url: string, dataDir: string) {
  const kept =
    dataDir === 'memory'
      ? "this run's admin key (a new one at every start with an in-memory store)"
      : `the admin key of ${dataDir} (shown once, stored hashed; \`nof1 keys rotate\` replaces it)`;
  return `\nNOF1_API_KEYS is not set: ${kept} is\n\n  ${key}\n\nIn another terminal:\n  export KEY=${key} NOF1_KEY=${key}\n  curl -H "Authorization: Bearer $KEY" "${url}/v1/content/blocks?program=lumenzo-adherence&audience=patient&q=copay"\n  npx nof1 content search "copay help" --program lumenzo-adherence   # reaches this service\nDocs: ${url}/docs · reviewer console: ${url}/review\n\n`;
}

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Start the HTTP service (embedded store unless DATABASE_URL is set).')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      let env: ReturnType<typeof loadEnv>;
      try {
        env = loadEnv(opts.port ? { PORT: opts.port } : {});
      } catch (err) {
        if (err instanceof EnvError) throw new CliError(err.message);
        throw err;
      }
      const logger = createLogger(env.LOG_LEVEL);
      const service = await startService(env, logger);
      if (service.adminKey) process.stdout.write(newKeyNotice(service.adminKey, service.url, env.NOF1_DATA_DIR));
      else if (service.adminKeySince) {
        logger.info(
          { createdAt: service.adminKeySince },
          'admin key: the one generated earlier for this data folder (`nof1 keys rotate` makes a new one)',
        );
      }
      const stop = (signal: string) => {
        logger.info({ signal }, 'shutting down');
        service.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
}
