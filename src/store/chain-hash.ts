import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

/**
 * How a trace record is chained. `jcs-sha256` (written today): SHA-256 of the RFC 8785 canonical JSON of
 * `{"kind", "prev", "record", "step", "traceId"}`, so an auditor can re-check a chain with any JCS library.
 * `nof1-v1` (records written before): SHA-256 of prev, trace id, step, kind and the record's canonical
 * JSON joined by newlines. Both stay verifiable; every record names its scheme.
 */
export type ChainScheme = 'nof1-v1' | 'jcs-sha256';
export const CURRENT_SCHEME: ChainScheme = 'jcs-sha256';

// The package's CommonJS export is the function itself, though its declarations call it the default export.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;
export const canonicalJson = (value: unknown): string => canonicalize(value) ?? 'null';
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export type ChainedRecord = { prev: string; traceId: string; step: number; kind: string; record: unknown };

export function linkHash(scheme: ChainScheme, r: ChainedRecord): string {
  if (scheme === 'nof1-v1') return sha256(`${r.prev}\n${r.traceId}\n${r.step}\n${r.kind}\n${canonicalJson(r.record)}`);
  return sha256(canonicalJson({ kind: r.kind, prev: r.prev, record: r.record, step: r.step, traceId: r.traceId }));
}
