import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { StepEvent } from '../compose/compose-runner.js';
import { createComposeStack } from '../compose/compose-stack.js';
import { zodErrors } from '../content/validate-blocks.js';
import { ComposeRequest } from '../domain/compose.js';
import { loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { loadDemoLibrary, openRuntime } from '../runtime.js';
import { CliError, EXIT } from './cli-error.js';

async function readRequest(file: string): Promise<ComposeRequest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`${file}: no such file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = ComposeRequest.safeParse(json);
  if (!parsed.success) {
    const lines = zodErrors(parsed.error).map((e) => `  ${e.path}: ${e.message}`);
    throw new CliError(`${file}: not a valid compose request\n${lines.join('\n')}`, EXIT.usage);
  }
  return parsed.data;
}

export function registerComposeCommand(program: Command) {
  program
    .command('compose')
    .description('Compose one message from a request file (the POST /v1/compose body) and print the answer.')
    .requiredOption('-f, --file <file>', 'the request, as JSON')
    .option('--steps', "print each node's progress to stderr")
    .action(async (opts: { file: string; steps?: boolean }) => {
      const request = await readRequest(opts.file);
      const env = loadEnv();
      const runtime = await openRuntime(env);
      try {
        if (env.NOF1_DEMO) await loadDemoLibrary(runtime, createLogger('silent'));
        const { runner } = await createComposeStack({ pool: runtime.store.pool, ...runtime });
        const onStep = opts.steps
          ? ({ node, step }: StepEvent) => void process.stderr.write(`${node} ${step.durationMs}ms\n`)
          : undefined;
        const answer = await runner.compose(request, { onStep });
        process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      } finally {
        await runtime.store.close();
      }
    });
}
