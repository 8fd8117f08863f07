import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { loadEnv } from '../env.js';
import { ingestEvents, MAX_EVENTS_PER_BATCH } from '../loop/event-intake.js';
import { openRuntime } from '../runtime.js';
import { CliError, EXIT } from './cli-error.js';
import { readEventFile } from './event-file.js';

type Batch = {
  accepted: number;
  duplicates: number;
  rejected: Array<{ index: number; errors: Array<{ path: string; message: string }> }>;
};
type Target = { send(events: unknown[]): Promise<Batch>; close(): Promise<void> };

/** A running service over HTTP (`--url`), or the store itself (NOF1_DATA_DIR / DATABASE_URL) when the service is not running. */
async function openTarget(url: string | undefined, key: string | undefined): Promise<Target> {
  if (url) {
    if (!key) throw new CliError('--url needs --key (or NOF1_API_KEY)', EXIT.usage);
    return {
      async send(events) {
        const res = await fetch(new URL('/v1/events', url), {
          method: 'POST',
          headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        if (res.status !== 202)
          throw new CliError(`the service answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
        return (await res.json()) as Batch;
      },
      close: async () => undefined,
    };
  }
  const runtime = await openRuntime(loadEnv());
  return {
    send: (events) => ingestEvents({ pool: runtime.store.pool, triggers: runtime.triggers }, events),
    close: () => runtime.store.close(),
  };
}

export function registerLoopCommands(program: Command) {
  const events = program.command('events').description('Events: behaviour that feeds the closed loop.');
  events
    .command('import')
    .description('Send events from a .jsonl or .csv file in batches of 1,000 (duplicates are skipped by id).')
    .argument('<file>', 'the event file')
    .option('--url <url>', 'a running service (else the store is opened directly)')
    .option('--key <key>', 'a client key for --url', process.env.NOF1_API_KEY)
    .action(async (file: string, opts: { url?: string; key?: string }) => {
      const rows = await readEventFile(file);
      const target = await openTarget(opts.url, opts.key);
      const bar = new SingleBar({
        stream: process.stderr,
        format: 'events [{bar}] {value}/{total}',
        hideCursor: true,
        clearOnComplete: true,
      });
      const total = { accepted: 0, duplicates: 0, rejected: 0 };
      bar.start(rows.length, 0);
      try {
        for (let i = 0; i < rows.length; i += MAX_EVENTS_PER_BATCH) {
          const batch = rows.slice(i, i + MAX_EVENTS_PER_BATCH);
          const r = await target.send(batch.map((b) => b.value));
          total.accepted += r.accepted;
          total.duplicates += r.duplicates;
          total.rejected += r.rejected.length;
          for (const rej of r.rejected) {
            for (const e of rej.errors)
              process.stderr.write(`\nrejected line ${batch[rej.index]!.line}: ${e.path}: ${e.message}`);
          }
          bar.update(Math.min(rows.length, i + MAX_EVENTS_PER_BATCH));
        }
      } finally {
        bar.stop();
        await target.close();
      }
      process.stdout.write(`accepted ${total.accepted}, duplicates ${total.duplicates}, rejected ${total.rejected}\n`);
      if (total.rejected) process.exitCode = EXIT.partial;
    });

  const outbox = program.command('outbox').description('Messages of triggered runs, ready to send.');
  outbox
    .command('tail')
    .description('Print outbox entries as JSON lines, then follow new ones (Ctrl-C to stop).')
    .requiredOption('--url <url>', 'a running service')
    .option('--key <key>', 'a client key', process.env.NOF1_API_KEY)
    .option('--program <program>', 'only this programme')
    .option('--after <seq>', 'start after this sequence number', '0')
    .option('--interval <ms>', 'how often to look for new entries', '1000')
    .option('--once', 'print what is there and stop')
    .action(
      async (opts: {
        url: string;
        key?: string;
        program?: string;
        after: string;
        interval: string;
        once?: boolean;
      }) => {
        if (!opts.key) throw new CliError('--key (or NOF1_API_KEY) is required', EXIT.usage);
        let after = Number(opts.after);
        const interval = Number(opts.interval);
        if (!Number.isInteger(after) || after < 0 || !Number.isInteger(interval) || interval < 50)
          throw new CliError('--after must be a whole number, --interval at least 50', EXIT.usage);
        let stop = false;
        process.once('SIGINT', () => {
          stop = true;
        });
        while (!stop) {
          const q = new URLSearchParams({
            after: String(after),
            limit: '500',
            ...(opts.program ? { program: opts.program } : {}),
          });
          const res = await fetch(new URL(`/v1/outbox?${q}`, opts.url), {
            headers: { authorization: `Bearer ${opts.key}` },
          });
          if (res.status !== 200) throw new CliError(`the service answered ${res.status}`);
          const page = (await res.json()) as { entries: unknown[]; nextCursor: number };
          for (const e of page.entries) process.stdout.write(`${JSON.stringify(e)}\n`);
          after = page.nextCursor;
          if (opts.once && page.entries.length < 500) break;
          if (page.entries.length < 500) await new Promise((r) => setTimeout(r, interval));
        }
      },
    );
}
