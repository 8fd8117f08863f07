import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { StepEvent } from '../compose/compose-runner.js';
import { createComposeStack } from '../compose/compose-stack.js';
import { zodErrors } from '../content/validate-blocks.js';
import { ComposeRequest } from '../domain/compose.js';
import { createLogger } from '../logger.js';
import { loadDemoLibrary, openRuntime } from '../runtime.js';
import { knownProgram, loadCliEnv } from './cli-env.js';
import { CliError, EXIT } from './cli-error.js';
import { callService, resolveTarget } from './service-target.js';

async function readRequest(file: string): Promise<ComposeRequest> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`${file}: no such file`, EXIT.usage);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError(`${file}: not valid JSON (${(err as Error).message})`, EXIT.usage);
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
    .description(
      'Compose one message from a request file (the POST /v1/compose body) and print the answer; reaches the running service when it holds the store.',
    )
    .requiredOption('-f, --file <file>', 'the request, as JSON (see examples/)')
    .option('--steps', "print each node's progress to stderr (local store only)")
    .option('--against <url>', 'compose on a running service (default: the one holding NOF1_DATA_DIR, if any)')
    .option('--key <key>', 'API key for the service (default NOF1_KEY)')
    .action(async (opts: { file: string; steps?: boolean; against?: string; key?: string }) => {
      const request = await readRequest(opts.file);
      const env = loadCliEnv();
      const target = await resolveTarget(opts, env);
      if (target.kind === 'service') {
        const answer = await callService(target, '/v1/compose', { method: 'POST', body: request });
        process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
        return;
      }
      const runtime = await openRuntime(env);
      try {
        if (env.NOF1_DEMO) await loadDemoLibrary(runtime, createLogger('silent'));
        await knownProgram(runtime.content, request.program);
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
