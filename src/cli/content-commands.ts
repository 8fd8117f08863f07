import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { BlockFileError, readBlockFile } from '../content/read-block-file.js';
import { type Rejection, validateBlocks } from '../content/validate-blocks.js';
import type { ScoredBlock } from '../domain/block.js';
import { Channel } from '../domain/block.js';
import { openRuntime } from '../runtime.js';
import { knownProgram, loadCliEnv } from './cli-env.js';
import { CliError, EXIT } from './cli-error.js';
import { callService, resolveTarget } from './service-target.js';

const where = (r: Rejection) =>
  [r.line ? `line ${r.line}` : null, r.id ? `id ${r.id}` : null].filter(Boolean).join(', ');

/** The API's query string for the same search. */
function searchQuery(q: string, f: { program?: string; audience?: string; channel?: string; limit: number }) {
  const params = new URLSearchParams({ q, limit: String(f.limit) });
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string') params.set(k, v);
  return params;
}

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadCliEnv());
  try {
    return await fn(runtime);
  } finally {
    await runtime.store.close();
  }
}

export function registerContentCommands(program: Command) {
  const content = program.command('content').description('Approved content: import and search.');

  content
    .command('import')
    .description(
      'Import blocks from a .json, .jsonl, .csv or .yaml file into the store (NOF1_DATA_DIR or DATABASE_URL).',
    )
    .argument('<file>', 'the block file')
    .option('--against <url>', 'import into a running service (default: the one holding NOF1_DATA_DIR, if any)')
    .option('--key <key>', 'API key for the service (default NOF1_KEY)')
    .action(async (file: string, opts: { against?: string; key?: string }) => {
      try {
        await access(file);
      } catch {
        throw new CliError(`${file}: no such file`, EXIT.usage);
      }
      let raws: Awaited<ReturnType<typeof readBlockFile>>;
      try {
        raws = await readBlockFile(file);
      } catch (err) {
        if (err instanceof BlockFileError) throw new CliError(err.message, EXIT.usage);
        throw err;
      }
      const target = await resolveTarget(opts, loadCliEnv());
      if (target.kind === 'service') {
        // The service validates each block itself and answers what it rejected (by id; lines are the file's).
        const result = await callService<{
          imported: number;
          updated: number;
          unchanged: number;
          rejected: Array<{ id: string | null; errors: Array<{ path: string; message: string }> }>;
        }>(target, '/v1/content/import', { method: 'POST', body: { blocks: raws.map((r) => r.value) } });
        process.stdout.write(
          `imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected.length} (through ${target.url})\n`,
        );
        for (const r of result.rejected)
          for (const e of r.errors)
            process.stderr.write(`rejected ${r.id ? `id ${r.id}` : 'block'}: ${e.path}: ${e.message}\n`);
        if (result.rejected.length) process.exitCode = EXIT.partial;
        return;
      }
      const { valid, rejected } = validateBlocks(raws);
      const counts = await withRuntime((rt) => rt.content.importBlocks(valid));
      process.stdout.write(
        `imported ${counts.imported}, updated ${counts.updated}, unchanged ${counts.unchanged}, rejected ${rejected.length}\n`,
      );
      for (const r of rejected) {
        for (const e of r.errors) process.stderr.write(`rejected ${where(r) || 'block'}: ${e.path}: ${e.message}\n`);
      }
      if (rejected.length) process.exitCode = EXIT.partial;
    });

  content
    .command('search')
    .description('Search usable blocks (hybrid vector + full-text).')
    .argument('<query>', 'what to look for')
    .option('--program <program>', 'only this programme')
    .option('--channel <channel>', 'only blocks allowed on this channel (sms, email, push, web)')
    .option('--audience <audience>', 'only this audience (patient, hcp, ...)')
    .option('--limit <n>', 'how many results at most', '10')
    .option('--json', 'print JSON')
    .option('--against <url>', 'search a running service (default: the one holding NOF1_DATA_DIR, if any)')
    .option('--key <key>', 'API key for the service (default NOF1_KEY)')
    .action(
      async (
        query: string,
        opts: {
          program?: string;
          channel?: string;
          audience?: string;
          limit: string;
          json?: boolean;
          against?: string;
          key?: string;
        },
      ) => {
        const channel = opts.channel === undefined ? undefined : Channel.safeParse(opts.channel);
        if (channel && !channel.success)
          throw new CliError(`--channel must be one of ${Channel.options.join(', ')}`, EXIT.usage);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new CliError('--limit must be 1..500', EXIT.usage);
        const filter = { program: opts.program, audience: opts.audience, channel: channel?.data, limit };
        const target = await resolveTarget(opts, loadCliEnv());
        const blocks =
          target.kind === 'service'
            ? (await callService<{ blocks: ScoredBlock[] }>(target, `/v1/content/blocks?${searchQuery(query, filter)}`))
                .blocks
            : await withRuntime(async (rt) => {
                await knownProgram(rt.content, opts.program);
                return rt.content.search(query, { ...filter, relevantOnly: true });
              });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(blocks, null, 2)}\n`);
          return;
        }
        if (blocks.length === 0) process.stdout.write('no usable block matches\n');
        for (const b of blocks) {
          process.stdout.write(
            `${(b.score ?? 0).toFixed(4)}  ${b.id}  [${b.program} ${b.audience} ${b.kind} ${b.channels.join('/')}]\n    ${b.text}\n`,
          );
        }
      },
    );
}
