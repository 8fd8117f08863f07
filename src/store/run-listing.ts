import type pg from 'pg';
import type { ComposeAnswer } from '../domain/compose.js';
import { beforeCursor, createdMicros } from './keyset.js';

export type RunFilter = {
  from?: string;
  to?: string;
  status?: string;
  barrier?: string;
  program?: string;
  /** The pseudonymous subject id the client sent. */
  subject?: string;
  /** A block the message used, by id. */
  block?: string;
  /** A block the message used, by its MLR approval code. */
  approvalCode?: string;
  origin?: 'api' | 'eval';
};
export type RunSummary = {
  runId: string;
  traceId: string;
  status: string;
  barrier: string | null;
  program: string;
  channel: string | null;
  createdAt: string;
  durationMs: number | null;
  modelCalls: number;
  fallbacks: number;
  /** The keyset position of the row (microseconds since the epoch), for the next page's cursor. */
  createdMicros: string;
  subjectRef: string | null;
  origin: 'api' | 'eval';
};

type Row = {
  id: string;
  trace_id: string;
  status: string;
  barrier: string | null;
  program: string;
  channel: string | null;
  created_at: Date;
  duration_ms: number | null;
  model_calls: number;
  fallbacks: number;
  created_micros: string;
  subject_id: string | null;
  origin: 'api' | 'eval';
};

/** The WHERE terms of a run filter, with a parameter binder for the caller to add its own. */
export function runFilterSql(f: RunFilter) {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.from) where.push(`created_at >= ${p(f.from)}::timestamptz`);
  if (f.to) where.push(`created_at < ${p(f.to)}::timestamptz`);
  if (f.status) where.push(`status = ${p(f.status)}`);
  if (f.barrier) where.push(`barrier = ${p(f.barrier)}`);
  if (f.program) where.push(`program = ${p(f.program)}`);
  if (f.subject) where.push(`subject_id = ${p(f.subject)}`);
  if (f.block) where.push(`${p(f.block)} = ANY(block_ids)`);
  // Through the library's versions, not the answer: a blocked run's answer no longer carries its message.
  if (f.approvalCode)
    where.push(
      `block_ids && ARRAY(SELECT DISTINCT id FROM content_block_versions WHERE block->'approval'->>'code' = ${p(f.approvalCode)})`,
    );
  if (f.origin) where.push(`origin = ${p(f.origin)}`);
  return { where, params, p };
}

/** Runs by time window, newest first, with keyset pagination on (created_at, id). */
export function createRunListing(pool: pg.Pool) {
  async function list(f: RunFilter, limit: number, before?: { at: string; id: string }): Promise<RunSummary[]> {
    const { where, params, p } = runFilterSql(f);
    if (before) where.push(beforeCursor('created_at', 'id', p(before.at), p(before.id)));
    const sql = `SELECT id, trace_id, status, barrier, program, channel, created_at, duration_ms, model_calls, fallbacks,
        subject_id, origin, ${createdMicros('created_at')}
      FROM runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${p(limit)}`;
    return (await pool.query<Row>(sql, params)).rows.map((r) => ({
      runId: r.id,
      traceId: r.trace_id,
      status: r.status,
      barrier: r.barrier,
      program: r.program,
      channel: r.channel,
      createdAt: r.created_at.toISOString(),
      durationMs: r.duration_ms,
      modelCalls: r.model_calls,
      fallbacks: r.fallbacks,
      createdMicros: r.created_micros,
      subjectRef: r.subject_id,
      origin: r.origin,
    }));
  }

  async function byTrace(traceId: string) {
    return (
      await pool.query<{ id: string; answer: ComposeAnswer; program: string; created_at: Date }>(
        'SELECT id, answer, program, created_at FROM runs WHERE trace_id = $1',
        [traceId],
      )
    ).rows[0];
  }

  return { list, byTrace };
}
export type RunListing = ReturnType<typeof createRunListing>;
