import type pg from 'pg';
import { type ChainScheme, CURRENT_SCHEME, canonicalJson, linkHash, sha256 } from './chain-hash.js';

/**
 * A trace record. `personal` holds the (already redacted) free text of the request: it is stored
 * beside the chain and only its digest is chained, so erasure can delete it without breaking the chain.
 */
export type TraceRecord = { kind: string; record: Record<string, unknown>; personal?: unknown };
const GENESIS = '0'.repeat(64);
// One lock id for the whole chain: appends are serialised so every record links to the one before.
const CHAIN_LOCK = 0x6e6f6631;

const digest = (value: unknown) => sha256(canonicalJson(value));

/** Takes the chain's lock; after it, the chain's head (read in a later statement) is this transaction's to extend. */
export const CHAIN_LOCK_SQL = `pg_advisory_xact_lock(${CHAIN_LOCK})`;

/** The chain's newest hash, as a scalar subquery: read in a statement after CHAIN_LOCK_SQL's. */
export const CHAIN_HEAD_SQL = '(SELECT hash FROM trace_records ORDER BY seq DESC LIMIT 1)';

/** A run's records as chain rows linked from `head` (the newest hash, read under the chain lock). */
export function chainRows(traceId: string, records: TraceRecord[], head: string | null | undefined, firstStep = 0) {
  let prev = head ?? GENESIS;
  const personal: Array<{ trace_id: string; step: number; data: unknown }> = [];
  const rows = records.map((r, i) => {
    const step = firstStep + i;
    const record = r.personal === undefined ? r.record : { ...r.record, personalDigest: digest(r.personal) };
    if (r.personal !== undefined) personal.push({ trace_id: traceId, step, data: r.personal });
    const hash = linkHash(CURRENT_SCHEME, { prev, traceId, step, kind: r.kind, record });
    const row = { trace_id: traceId, step, kind: r.kind, record, prev_hash: prev, hash, scheme: CURRENT_SCHEME };
    prev = hash;
    return row;
  });
  return { rows: JSON.stringify(rows), personal: JSON.stringify(personal) };
}

/**
 * The statement writing chain rows and the free text beside them, from `chainRows`' two JSON parameters
 * (`$rows`, `$personal`): a CTE to put in a WITH list, and the insert that ends the statement. A caller
 * may add its own CTEs, so a run and its trace are written in one round trip.
 */
export const traceWriteSql = (rows: number, personal: number) => ({
  cte: `trace_free_text AS (
       INSERT INTO trace_personal (trace_id, step, data)
       SELECT trace_id, step, data FROM jsonb_to_recordset($${personal}::jsonb) AS p(trace_id text, step int, data jsonb)
     )`,
  insert: `INSERT INTO trace_records (trace_id, step, kind, record, prev_hash, hash, scheme)
     SELECT trace_id, step, kind, record, prev_hash, hash, scheme FROM jsonb_to_recordset($${rows}::jsonb)
       AS r(trace_id text, step int, kind text, record jsonb, prev_hash text, hash text, scheme text) ORDER BY step`,
});

/** Deletes the free text kept beside the chain for these traces (erasure); the chain keeps its digests. */
export async function erasePersonal(client: pg.PoolClient, traceIds: string[]): Promise<number> {
  const r = await client.query('DELETE FROM trace_personal WHERE trace_id = ANY($1::text[])', [traceIds]);
  return r.rowCount ?? 0;
}

export function createTraceRepo(pool: pg.Pool) {
  async function records(traceId: string) {
    return (
      await pool.query<{
        seq: string;
        step: number;
        kind: string;
        record: Record<string, unknown>;
        personal: unknown;
        prev_hash: string;
        hash: string;
        scheme: ChainScheme;
      }>(
        `SELECT r.seq, r.step, r.kind, r.record, p.data AS personal, r.prev_hash, r.hash, r.scheme
         FROM trace_records r LEFT JOIN trace_personal p USING (trace_id, step)
         WHERE r.trace_id = $1 ORDER BY r.seq`,
        [traceId],
      )
    ).rows;
  }

  /** Recomputes each record's hash and checks it links to the record written just before it. */
  async function verify(traceId: string) {
    const rows = await records(traceId);
    const problems: Array<{ step: number; problem: string }> = [];
    for (const r of rows) {
      if (linkHash(r.scheme, { prev: r.prev_hash, traceId, step: r.step, kind: r.kind, record: r.record }) !== r.hash) {
        problems.push({ step: r.step, problem: 'the record does not match its hash (edited after it was written)' });
      }
      const before = (
        await pool.query<{ hash: string }>('SELECT hash FROM trace_records WHERE seq < $1 ORDER BY seq DESC LIMIT 1', [
          r.seq,
        ])
      ).rows[0];
      if ((before?.hash ?? GENESIS) !== r.prev_hash) {
        problems.push({
          step: r.step,
          problem: 'the record does not link to the one before it (a record was removed or altered)',
        });
      }
      // The free text beside the chain is checked against its chained digest, unless it was erased.
      const chainedDigest = r.record.personalDigest;
      if (typeof chainedDigest === 'string' && r.personal !== null && digest(r.personal) !== chainedDigest) {
        problems.push({
          step: r.step,
          problem: 'the free text kept beside the record was edited after it was written',
        });
      }
    }
    // A trace's last record is vouched for by the record written after it: removing the trace's
    // final steps breaks that link (only the newest record of the whole chain has no such witness).
    const last = rows.at(-1);
    if (last) {
      const after = (
        await pool.query<{ prev_hash: string }>(
          'SELECT prev_hash FROM trace_records WHERE seq > $1 ORDER BY seq LIMIT 1',
          [last.seq],
        )
      ).rows[0];
      if (after && after.prev_hash !== last.hash) {
        problems.push({
          step: last.step,
          problem: 'the record written after this one does not link to it (a record after it was removed)',
        });
      }
    }
    return { traceId, records: rows.length, intact: problems.length === 0, problems };
  }

  return { records, verify };
}
export type TraceRepo = ReturnType<typeof createTraceRepo>;
