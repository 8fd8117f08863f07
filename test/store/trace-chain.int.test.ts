import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, REQUESTS, subjectId, verifyTrace } from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';

// An auditor's own tools: a JCS (RFC 8785) library and SHA-256, nothing of nof1's.
const jcs = canonicalizeModule as unknown as (v: unknown) => string;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Row = {
  seq: string;
  trace_id: string;
  step: number;
  kind: string;
  record: unknown;
  prev_hash: string;
  hash: string;
  scheme: string;
};

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

const rowsOf = async (traceId: string) =>
  (await svc.pool.query<Row>('SELECT * FROM trace_records WHERE trace_id = $1 ORDER BY seq', [traceId])).rows;

describe('the trace chain', () => {
  it('chains each record as SHA-256 of its RFC 8785 canonical JSON, re-checkable with standard tools', async () => {
    const run = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
    const rows = await rowsOf(run.traceId);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) {
      expect(r.scheme).toBe('jcs-sha256');
      const envelope = { kind: r.kind, prev: r.prev_hash, record: r.record, step: r.step, traceId: r.trace_id };
      expect(sha256(jcs(envelope))).toBe(r.hash);
    }
    for (const [i, r] of rows.entries()) if (i > 0) expect(r.prev_hash).toBe(rows[i - 1]!.hash);
  });

  it('keeps verifying records written under the earlier scheme, and detects an edit to one', async () => {
    // The newest run's records, rewritten as the earlier scheme chained them (nothing follows them yet).
    const old = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
    const rows = await rowsOf(old.traceId);
    let prev = rows[0]!.prev_hash;
    for (const r of rows) {
      const hash = sha256(`${prev}\n${r.trace_id}\n${r.step}\n${r.kind}\n${jcs(r.record)}`);
      await svc.pool.query("UPDATE trace_records SET prev_hash = $2, hash = $3, scheme = 'nof1-v1' WHERE seq = $1", [
        r.seq,
        prev,
        hash,
      ]);
      prev = hash;
    }
    expect(await verifyTrace(svc, old.traceId)).toMatchObject({ intact: true, records: rows.length });
    // A later run links to the last legacy record: the chain continues across schemes.
    const next = await compose(svc, REQUESTS.cost(subjectId()), 'approved');
    expect((await rowsOf(next.traceId))[0]!.prev_hash).toBe(prev);
    expect(await verifyTrace(svc, next.traceId)).toMatchObject({ intact: true });
    await svc.pool.query('UPDATE trace_records SET record = record || \'{"node":"edited"}\' WHERE seq = $1', [
      rows[1]!.seq,
    ]);
    expect(await verifyTrace(svc, old.traceId)).toMatchObject({ intact: false });
  });
});
