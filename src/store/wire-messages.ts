/**
 * Just enough of the Postgres wire protocol (v3) to share one session between clients: framing the
 * messages a client sends, and reading the transaction status from the backend's ReadyForQuery.
 */

const PROTOCOL_3 = 196_608;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;

/** What a client sent before its startup completed, or a message once it has. */
export type FrontendMessage =
  | { kind: 'startup'; bytes: Uint8Array }
  | { kind: 'encryption-request' }
  | { kind: 'cancel' }
  | { kind: 'terminate' }
  | { kind: 'message'; bytes: Uint8Array };

/** Splits one client's byte stream into whole messages; partial messages wait for their next bytes. */
export class FrontendFramer {
  private buffered: Buffer = Buffer.alloc(0);
  private started = false;

  push(chunk: Buffer): FrontendMessage[] {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const out: FrontendMessage[] = [];
    for (;;) {
      const next = this.started ? this.typed() : this.untyped();
      if (!next) return out;
      out.push(next);
    }
  }

  /** Startup-phase messages carry no type byte: a length, then a code. */
  private untyped(): FrontendMessage | undefined {
    if (this.buffered.length < 8) return undefined;
    const length = this.buffered.readInt32BE(0);
    if (this.buffered.length < length) return undefined;
    const code = this.buffered.readInt32BE(4);
    const bytes = this.take(length);
    if (code === SSL_REQUEST || code === GSSENC_REQUEST) return { kind: 'encryption-request' };
    if (code === CANCEL_REQUEST) return { kind: 'cancel' };
    if (code !== PROTOCOL_3) throw new Error(`unsupported protocol ${code >> 16}.${code & 0xffff}`);
    this.started = true;
    return { kind: 'startup', bytes };
  }

  private typed(): FrontendMessage | undefined {
    if (this.buffered.length < 5) return undefined;
    const length = 1 + this.buffered.readInt32BE(1);
    if (this.buffered.length < length) return undefined;
    const bytes = this.take(length);
    return bytes[0] === 0x58 /* X */ ? { kind: 'terminate' } : { kind: 'message', bytes };
  }

  private take(n: number): Uint8Array {
    // A copy: the socket's buffer may be reused once this returns.
    const bytes = new Uint8Array(this.buffered.subarray(0, n));
    this.buffered = this.buffered.subarray(n);
    return bytes;
  }
}

/** Transaction status of the backend after a ReadyForQuery: idle, in a transaction, or in a failed one. */
export type TransactionStatus = 'I' | 'T' | 'E';

/**
 * Follows the backend's output, possibly cut anywhere into chunks, and remembers the status byte of the
 * last ReadyForQuery ('Z') seen: only 'I' means the session holds nothing of the client's any more.
 */
export class ReadyForQueryTracker {
  private header = Buffer.alloc(5);
  private headerFill = 0;
  private remaining = 0;
  private inReady = false;
  last: TransactionStatus | undefined;

  feed(chunk: Uint8Array) {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - i);
        if (this.inReady) this.last = String.fromCharCode(chunk[i + n - 1]!) as TransactionStatus;
        this.remaining -= n;
        i += n;
        continue;
      }
      this.header[this.headerFill++] = chunk[i++]!;
      if (this.headerFill < 5) continue;
      this.headerFill = 0;
      this.inReady = this.header[0] === 0x5a; /* Z */
      this.remaining = this.header.readInt32BE(1) - 4;
    }
  }
}

/** Messages the gate itself sends for a client that went away mid-transaction. */
export const SYNC = Uint8Array.of(0x53, 0, 0, 0, 4);
export function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`);
  const out = Buffer.alloc(5 + text.length);
  out[0] = 0x51; /* Q */
  out.writeInt32BE(4 + text.length, 1);
  text.copy(out, 5);
  return out;
}
