import { access } from 'node:fs/promises';
import type { Command } from 'commander';
import { BlockFileError, readBlockFile } from '../content/read-block-file.js';
import { type Rejection, validateBlocks } from '../content/validate-blocks.js';
import { Channel } from '../domain/block.js';
import { loadEnv } from '../env.js';
import { openRuntime } from '../runtime.js';
import { CliError, EXIT } from './cli-error.js';

const where = (r: Rejection) =>
  [r.line ? `line ${r.line}` : null, r.id ? `id ${r.id}` : null].filter(Boolean).join(', ');

async function withRuntime<T>(fn: (rt: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(loadEnv());
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
    .action(async (file: string) => {
      try {
        await access(file);
      } catch {
        throw new CliError(`${file}: no such file`);
      }
      let raws: Awaited<ReturnType<typeof readBlockFile>>;
      try {
        raws = await readBlockFile(file);
      } catch (err) {
        if (err instanceof BlockFileError) throw new CliError(err.message);
        throw err;
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
    .option('--limit <n>', 'how many results', '10')
    .option('--json', 'print JSON')
    .action(
      async (
        query: string,
        opts: { program?: string; channel?: string; audience?: string; limit: string; json?: boolean },
      ) => {
        const channel = opts.channel === undefined ? undefined : Channel.safeParse(opts.channel);
        if (channel && !channel.success)
          throw new CliError(`--channel must be one of ${Channel.options.join(', ')}`, EXIT.usage);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new CliError('--limit must be 1..500', EXIT.usage);
        const blocks = await withRuntime((rt) =>
          rt.content.search(query, {
            program: opts.program,
            audience: opts.audience,
            channel: channel?.data,
            limit,
            relevantOnly: true,
          }),
        );
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(blocks, null, 2)}\n`);
          return;
        }
        if (blocks.length === 0) process.stdout.write('no usable block matches\n');
        for (const b of blocks) {
          process.stdout.write(
            `${b.score.toFixed(4)}  ${b.id}  [${b.program} ${b.audience} ${b.kind} ${b.channels.join('/')}]\n    ${b.text}\n`,
          );
        }
      },
    );
}
