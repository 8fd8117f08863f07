import { describe, expect, it } from 'vitest';
import { FrontendFramer, ReadyForQueryTracker, SYNC, simpleQuery } from '../../src/store/wire-messages.js';

const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const startup = Buffer.concat([int32(8 + 5), int32(196_608), Buffer.from('user\0')]);
const sslRequest = Buffer.concat([int32(8), int32(80_877_103)]);
const ready = (status: string) => Buffer.concat([Buffer.from('Z'), int32(5), Buffer.from(status)]);
const commandComplete = (tag: string) =>
  Buffer.concat([Buffer.from('C'), int32(4 + tag.length + 1), Buffer.from(`${tag}\0`)]);

/** Feeds bytes one at a time: every message boundary falls between chunks somewhere. */
const byteByByte = (bytes: Buffer, feed: (b: Buffer) => void) => {
  for (const b of bytes) feed(Buffer.of(b));
};

describe('FrontendFramer', () => {
  it('frames an encryption request, the startup message and typed messages, however the bytes arrive', () => {
    const framer = new FrontendFramer();
    const out: string[] = [];
    byteByByte(Buffer.concat([sslRequest, startup, simpleQuery('SELECT 1'), SYNC, Buffer.from('X\0\0\0\x04')]), (b) =>
      out.push(...framer.push(b).map((m) => m.kind + ('bytes' in m ? `:${m.bytes.length}` : ''))),
    );
    expect(out).toEqual([
      'encryption-request',
      'startup:13',
      `message:${simpleQuery('SELECT 1').length}`,
      'message:5',
      'terminate',
    ]);
  });

  it('keeps a partial message until its last byte', () => {
    const framer = new FrontendFramer();
    framer.push(startup);
    const q = Buffer.from(simpleQuery('SELECT 42'));
    expect(framer.push(q.subarray(0, q.length - 1))).toEqual([]);
    const [m] = framer.push(q.subarray(q.length - 1));
    expect(m).toEqual({ kind: 'message', bytes: new Uint8Array(q) });
  });
});

describe('ReadyForQueryTracker', () => {
  it('reads the status of the last ReadyForQuery, across chunk boundaries', () => {
    const tracker = new ReadyForQueryTracker();
    byteByByte(Buffer.concat([commandComplete('BEGIN'), ready('T')]), (b) => tracker.feed(b));
    expect(tracker.last).toBe('T');
    byteByByte(Buffer.concat([commandComplete('COMMIT'), ready('I')]), (b) => tracker.feed(b));
    expect(tracker.last).toBe('I');
  });

  it('is not fooled by a Z inside another message', () => {
    const tracker = new ReadyForQueryTracker();
    tracker.feed(Buffer.concat([commandComplete('ZZZZZ'), ready('E'), commandComplete('Z')]));
    expect(tracker.last).toBe('E');
  });
});
