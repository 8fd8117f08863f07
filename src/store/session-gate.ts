import { createServer, type Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import {
  FrontendFramer,
  type FrontendMessage,
  ReadyForQueryTracker,
  SYNC,
  simpleQuery,
  type TransactionStatus,
} from './wire-messages.js';

/**
 * PGlite is one Postgres session. Many clients (the worker processes' pools) may share it only if
 * nothing of one client's work interleaves with another's: a client owns the session from its first
 * message until the backend reports it idle ('I' in ReadyForQuery) — one whole extended-protocol
 * batch, or one whole transaction — and the others wait their turn, first come first served.
 *
 * `@electric-sql/pglite-socket` does not do this: it schedules single messages and pins a client only
 * while `isInTransaction()`, so two clients' Parse/Bind/Execute interleave on the shared unnamed
 * statement (electric-sql/pglite#977, #1046), and one failed message stops its queue for good.
 *
 * Session-wide state is still shared: SET (every connection sets the same), named prepared statements
 * and session advisory locks must not be used through the gate. Transaction-scoped advisory locks are
 * harmless (transactions never overlap here).
 */
export type SessionGate = {
  /** Where it listens: the socket path, or host and port for TCP. */
  address: string | { host: string; port: number };
  stop(): Promise<void>;
};
/** A Unix socket path, or a TCP host and port (0: any free port). */
export type GateListen = string | { host: string; port: number };
export type SessionGateOptions = {
  /** A client holding an open transaction without sending anything for this long is disconnected. */
  idleInTransactionMs?: number;
};

type Client = {
  socket: Socket;
  framer: FrontendFramer;
  /** Whole messages received and not yet run. */
  queued: Uint8Array[];
  /** How many of `queued` end with a point where the client waits for an answer. */
  runnable: number;
  closed: boolean;
  /** What the backend reported after this client's last batch. */
  status: TransactionStatus | undefined;
};

// Messages after which a client waits for the backend: Sync, simple Query, Flush, FunctionCall,
// CopyData/CopyDone/CopyFail. Anything before them is buffered, so a client that dies halfway through
// writing a batch leaves nothing of it run.
const WAITS_AFTER = new Set([0x53, 0x51, 0x48, 0x46, 0x64, 0x63, 0x66]);
// Executing a portal that cannot exist raises an error, which aborts whatever the departed client left
// open, implicit or explicit; Sync then ends it.
const ABORT_PORTAL = '__nof1_gate_abort';

function executeMessage(portal: string): Uint8Array {
  const name = Buffer.from(`${portal}\0`);
  const out = Buffer.alloc(1 + 4 + name.length + 4);
  out[0] = 0x45; /* E */
  out.writeInt32BE(4 + name.length + 4, 1);
  name.copy(out, 5);
  return out;
}

export async function startSessionGate(
  db: PGlite,
  listen: GateListen,
  opts: SessionGateOptions = {},
): Promise<SessionGate> {
  const idleLimit = opts.idleInTransactionMs ?? 60_000;
  const clients = new Set<Client>();
  const waiting: Client[] = [];
  let owner: Client | undefined;
  let pumping: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;

  /** Runs bytes on the session; returns the last transaction status the backend reported in them. */
  async function run(bytes: Uint8Array, onData?: (data: Uint8Array) => void) {
    const tracker = new ReadyForQueryTracker();
    await db.runExclusive(() =>
      db.execProtocolRawStream(bytes, {
        onRawData: (data) => {
          tracker.feed(data);
          onData?.(data);
        },
      }),
    );
    return tracker.last;
  }

  /** Leaves the session as a new client expects it: nothing open, whatever the departed one left. */
  async function reset() {
    const status = await run(Buffer.concat([executeMessage(ABORT_PORTAL), SYNC]));
    if (status !== 'I') await run(simpleQuery('ROLLBACK'));
  }

  function takeBatch(client: Client): Uint8Array {
    const batch = client.queued.splice(0, client.runnable);
    client.runnable = 0;
    return batch.length === 1 ? batch[0]! : Buffer.concat(batch);
  }

  async function pump() {
    for (;;) {
      if (owner?.closed) {
        const departed = owner;
        // Only a client that kept the session (a transaction, or a batch cut off) leaves anything behind.
        if (departed.status !== 'I') await reset();
        owner = undefined;
      }
      owner ??= waiting.shift();
      if (!owner) return;
      if (owner.runnable === 0) {
        // The owner is inside a transaction and thinking: everyone else waits, but not forever.
        armIdleTimer(owner);
        return;
      }
      clearTimeout(idleTimer);
      const current = owner;
      // The batch's answer goes out in one write when the batch ends: one syscall and one wake-up of the
      // client's process instead of one per chunk. The batch runs synchronously once started, so only
      // the first answer of a pipelined batch arrives later, by the time the rest of the batch takes.
      const answer: Buffer[] = [];
      try {
        current.status = await run(takeBatch(current), (data) => {
          // Copied: the data is a view of the database's memory, reused by the next call.
          answer.push(Buffer.from(data));
        });
        if (!current.closed && answer.length > 0)
          current.socket.write(answer.length === 1 ? answer[0]! : Buffer.concat(answer));
      } catch {
        // The database failed the batch as a whole (not an SQL error, which is an answer): this client's
        // session state is unknown, so it is cut off and the session reset for the next one.
        current.status = undefined;
        current.socket.destroy();
        current.closed = true;
        continue;
      }
      if (current.status === 'I') {
        owner = undefined;
        if (current.runnable > 0) waiting.push(current);
      }
    }
  }

  function schedule() {
    pumping ??= pump().finally(() => {
      pumping = undefined;
      // Messages that arrived while the last batch ran.
      if ((owner && owner.runnable > 0) || (!owner && waiting.length > 0) || owner?.closed) schedule();
    });
  }

  function armIdleTimer(client: Client) {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (owner === client && client.runnable === 0) client.socket.destroy();
    }, idleLimit);
    idleTimer.unref();
  }

  function receive(client: Client, message: FrontendMessage) {
    switch (message.kind) {
      case 'encryption-request':
        client.socket.write('N');
        return;
      case 'cancel':
      case 'terminate':
        client.socket.end();
        return;
      case 'startup':
        client.queued.push(message.bytes);
        client.runnable = client.queued.length;
        return;
      case 'message':
        client.queued.push(message.bytes);
        if (WAITS_AFTER.has(message.bytes[0]!)) client.runnable = client.queued.length;
    }
  }

  function attach(socket: Socket) {
    const client: Client = {
      socket,
      framer: new FrontendFramer(),
      queued: [],
      runnable: 0,
      closed: false,
      status: 'I',
    };
    clients.add(client);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      let messages: FrontendMessage[];
      try {
        messages = client.framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const m of messages) receive(client, m);
      if (client.runnable > 0 && owner !== client && !waiting.includes(client)) waiting.push(client);
      schedule();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      client.closed = true;
      clients.delete(client);
      const at = waiting.indexOf(client);
      if (at >= 0) waiting.splice(at, 1);
      if (owner === client) schedule();
    });
  }

  const server = createServer(attach);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const listening = () => {
      server.off('error', reject);
      resolve();
    };
    if (typeof listen === 'string') server.listen(listen, listening);
    else server.listen(listen.port, listen.host, listening);
  });
  const bound = server.address();
  const address = typeof bound === 'object' && bound ? { host: bound.address, port: bound.port } : String(bound);

  return {
    address,
    async stop() {
      clearTimeout(idleTimer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const c of clients) c.socket.destroy();
      await closed;
      // Let the last batch and any reset finish before the caller closes the database.
      while (pumping) await pumping;
    },
  };
}
