import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkHash, linkPieces, sha256 } from '../../src/store/chain-hash.js';

// The store links a run's records from the text around `prev`: that text must hash, with any head, to the
// very link `linkHash` (and any auditor's JCS library) computes for the whole record.
const hexHead = fc.stringMatching(/^[0-9a-f]{64}$/);
const text = fc.string({ unit: 'grapheme', maxLength: 24 });
const json = fc.jsonValue({ stringUnit: 'grapheme', maxDepth: 3 });

describe('linkPieces', () => {
  it('surround prev with exactly the canonical text linkHash hashes, for any record', () => {
    fc.assert(
      fc.property(
        hexHead,
        text,
        fc.nat(10_000),
        text,
        fc.dictionary(text, json),
        (prev, traceId, step, kind, record) => {
          const { before, after } = linkPieces({ traceId, step, kind, record });
          expect(sha256(before + prev + after)).toBe(linkHash('jcs-sha256', { prev, traceId, step, kind, record }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('depend on nothing of prev: the same pieces link from any head', () => {
    const r = { traceId: 'trc_x', step: 2, kind: 'step', record: { node: 'ünïcode “quoted” \u2028 \\ 🧪', n: 1.5 } };
    const { before, after } = linkPieces(r);
    expect(before).toBe('{"kind":"step","prev":"');
    expect(after.startsWith('","record":')).toBe(true);
    for (const prev of ['0'.repeat(64), 'f'.repeat(64)]) {
      expect(sha256(before + prev + after)).toBe(linkHash('jcs-sha256', { ...r, prev }));
    }
  });
});
