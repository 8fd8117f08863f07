import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CASE_TRANSITIONS, type CaseAction, type CaseDraft, type CaseKind, type CaseStatus } from '../domain/safety.js';
import { beforeCursor, createdMicros } from './keyset.js';
import { inTransaction } from './transaction.js';

type CaseEvent = { at: string; by: string; action: string; note: string | null; reference?: string | null };
export type SafetyCase = CaseDraft & {
  id: string;
  status: CaseStatus;
  /** Past dueBy and not yet reported or closed. */
  overdue: boolean;
  history: CaseEvent[];
  /** The keyset position of the row (microseconds since the epoch), for the next page's cursor. */
  createdMicros: string;
};
export type CaseFilter = { status?: CaseStatus; kind?: CaseKind; runId?: string };

type Row = {
  id: string;
  kind: CaseKind;
  status: CaseStatus;
  run_id: string;
  subject_ref: string;
  program: string;
  product: string | null;
  detected_at: Date;
  due_by: Date;
  overdue: boolean;
  narrative: string;
  signals: number[];
  history: CaseEvent[];
  created_micros: string;
};

const OPEN_STATUSES = `status IN ('open', 'acknowledged')`;
const SELECT = `SELECT id, kind, status, run_id, subject_ref, program, product, detected_at, due_by,
  (${OPEN_STATUSES} AND due_by < now()) AS overdue, narrative, signals, history, ${createdMicros('created_at')}
  FROM safety_cases`;

const toCase = (r: Row): SafetyCase => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  runId: r.run_id,
  subjectRef: r.subject_ref,
  program: r.program,
  product: r.product,
  detectedAt: r.detected_at.toISOString(),
  dueBy: r.due_by.toISOString(),
  overdue: r.overdue,
  narrative: r.narrative,
  signals: r.signals,
  history: r.history,
  createdMicros: r.created_micros,
});

const caseId = () => `sc_${randomUUID().replace(/-/g, '').slice(0, 24)}`;

/** Opens a run's cases inside the transaction that saves the run: one per kind per run. */
export async function insertCases(client: pg.PoolClient, drafts: CaseDraft[], openedBy = 'nof1') {
  // Sent together (pipelined on a pipeline-mode client): a run's transaction holds the embedded store meanwhile.
  const inserts = drafts.map((d) => {
    const opened: CaseEvent = { at: d.detectedAt, by: openedBy, action: 'opened', note: null };
    return client.query(
      `INSERT INTO safety_cases (id, kind, run_id, subject_ref, program, product, detected_at, due_by, narrative,
         signals, history)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (run_id, kind) DO NOTHING`,
      [
        caseId(),
        d.kind,
        d.runId,
        d.subjectRef,
        d.program,
        d.product,
        d.detectedAt,
        d.dueBy,
        d.narrative,
        d.signals,
        JSON.stringify([opened]),
      ],
    );
  });
  await Promise.all(inserts);
}

/** The subject's cases, counted inside an erasure's transaction: they are kept (a legal duty), never unlinked. */
export async function countSubjectCases(client: pg.PoolClient, subjectRef: string): Promise<number> {
  return (
    await client.query<{ n: number }>('SELECT count(*)::int AS n FROM safety_cases WHERE subject_ref = $1', [
      subjectRef,
    ])
  ).rows[0]!.n;
}

/** Why a transition cannot be made, or nothing when it can. */
export class ImpossibleTransition extends Error {}

export function createSafetyCasesRepo(pool: pg.Pool) {
  async function list(filter: CaseFilter, limit: number, cursor?: { at: string; id: string }) {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (filter.status) where.push(`status = ${p(filter.status)}`);
    if (filter.kind) where.push(`kind = ${p(filter.kind)}`);
    if (filter.runId) where.push(`run_id = ${p(filter.runId)}`);
    if (cursor) where.push(beforeCursor('created_at', 'id', p(cursor.at), p(cursor.id)));
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY created_at DESC, id DESC LIMIT ${p(limit)}`;
    return (await pool.query<Row>(sql, params)).rows.map(toCase);
  }

  async function get(id: string): Promise<SafetyCase | undefined> {
    const row = (await pool.query<Row>(`${SELECT} WHERE id = $1`, [id])).rows[0];
    return row && toCase(row);
  }

  /**
   * Moves a case on, under the row's lock: two officers acting at once cannot both acknowledge it. An
   * action the case's status does not allow throws ImpossibleTransition; an unknown id answers undefined.
   */
  async function transition(
    id: string,
    action: CaseAction,
    entry: { by: string; note: string | null; reference: string | null },
  ): Promise<SafetyCase | undefined> {
    return inTransaction(pool, async (client) => {
      const row = (
        await client.query<{ status: CaseStatus }>('SELECT status FROM safety_cases WHERE id = $1 FOR UPDATE', [id])
      ).rows[0];
      if (!row) return undefined;
      const rule = CASE_TRANSITIONS[action];
      if (!rule.from.includes(row.status)) {
        throw new ImpossibleTransition(`a case that is ${row.status} cannot be given the action ${action}`);
      }
      const event: CaseEvent = { at: new Date().toISOString(), action, ...entry };
      await client.query(
        `UPDATE safety_cases SET status = $2, history = history || $3::jsonb, updated_at = now() WHERE id = $1`,
        [id, rule.to, JSON.stringify([event])],
      );
      const updated = (await client.query<Row>(`${SELECT} WHERE id = $1`, [id])).rows[0]!;
      return toCase(updated);
    });
  }

  /** For /metrics: cases not yet reported or closed, by kind, and those of them past dueBy. */
  async function gauges() {
    const rows = (
      await pool.query<{ kind: CaseKind; open: number; overdue: number }>(
        `SELECT kind, count(*)::int AS open, count(*) FILTER (WHERE due_by < now())::int AS overdue
         FROM safety_cases WHERE ${OPEN_STATUSES} GROUP BY kind`,
      )
    ).rows;
    return rows;
  }

  return { list, get, transition, gauges };
}
export type SafetyCasesRepo = ReturnType<typeof createSafetyCasesRepo>;
