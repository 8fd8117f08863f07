import { CURRENT_SCHEME, linkPieces } from './chain-hash.js';
import { CHAIN_HEAD_SQL, chainEntries, GENESIS, type TraceRecord } from './trace-repo.js';

/**
 * A run's records for the chain to be linked by the store itself, from the head it reads under the chain
 * lock in the same statement: each record with its canonical text around `prev` (chain-hash.ts), so no
 * round trip is needed to learn the head first. The links are the ones `chainRows` computes.
 */
export function chainPiecesOf(traceId: string, records: TraceRecord[], firstStep = 0) {
  const { entries, personal } = chainEntries(traceId, records, firstStep);
  const pieces = entries.map((e) => {
    const { before, after } = linkPieces({ traceId, step: e.step, kind: e.kind, record: e.record });
    return { ...e, text_before: before, text_after: after };
  });
  return { pieces: JSON.stringify(pieces), personal: JSON.stringify(personal) };
}

/**
 * The statement linking and writing those records, from `chainPiecesOf`'s two JSON parameters (`$pieces`,
 * `$personal`): CTEs for a WITH RECURSIVE list, and the insert that ends the statement. The head is read in
 * this statement, so the chain lock must have been taken by an earlier statement of the transaction (read
 * committed: this statement's snapshot then sees every link committed before the lock was granted).
 * SHA-256 over the UTF-8 bytes, as `sha256` in chain-hash.ts; steps are consecutive, so each record links
 * to the one before it by step.
 */
export const linkedTraceWriteSql = (pieces: number, personal: number) => ({
  ctes: `chain_piece AS (
       SELECT * FROM jsonb_to_recordset($${pieces}::jsonb)
         AS p(trace_id text, step int, kind text, record jsonb, text_before text, text_after text)
     ), chain_link AS (
       SELECT p.step, h.prev AS prev_hash,
         encode(sha256(convert_to(p.text_before || h.prev || p.text_after, 'UTF8')), 'hex') AS hash
       FROM chain_piece p, (SELECT coalesce(${CHAIN_HEAD_SQL}, '${GENESIS}') AS prev) h
       WHERE p.step = (SELECT min(step) FROM chain_piece)
       UNION ALL
       SELECT p.step, l.hash, encode(sha256(convert_to(p.text_before || l.hash || p.text_after, 'UTF8')), 'hex')
       FROM chain_link l JOIN chain_piece p ON p.step = l.step + 1
     ), trace_free_text AS (
       INSERT INTO trace_personal (trace_id, step, data)
       SELECT trace_id, step, data FROM jsonb_to_recordset($${personal}::jsonb) AS f(trace_id text, step int, data jsonb)
     )`,
  insert: `INSERT INTO trace_records (trace_id, step, kind, record, prev_hash, hash, scheme)
     SELECT p.trace_id, p.step, p.kind, p.record, l.prev_hash, l.hash, '${CURRENT_SCHEME}'
     FROM chain_piece p JOIN chain_link l USING (step) ORDER BY p.step`,
});
