import type { Command } from 'commander';
import { EnvError, loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { startService } from '../service.js';
import { CliError } from './cli-error.js';

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
      if (service.adminKey) {
        process.stdout.write(
          `\nNOF1_API_KEYS is not set: this run's admin key (shown once) is\n\n  ${service.adminKey}\n\nIn another terminal:\n  export KEY=${service.adminKey} NOF1_KEY=${service.adminKey}\n  curl -H "Authorization: Bearer $KEY" "${service.url}/v1/content/blocks?program=lumenzo-adherence&audience=patient&q=copay"\n  npx nof1 content search "copay help" --program lumenzo-adherence   # reaches this service\nDocs: ${service.url}/docs · reviewer console: ${service.url}/review\n\n`,
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
