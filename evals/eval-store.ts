import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CaseResult, RunSummary } from './runner/run-types.js';

export type EvalConfig = {
  mode: 'in-process' | 'http';
  repeat: number;
  concurrency: number;
  filter: string[];
  /** The model under test ("offline" for the built-in engines); null when a remote service decides. */
  model: string | null;
  /** The service's URL in --against mode (never its key). */
  against?: string;
  /** The suite's content digest (cases, thresholds, settings, library): a baseline is tied to it. */
  suiteDigest?: string;
};

type EvalRunStatus = 'running' | 'done' | 'failed';

/** A stored run, as GET /v1/evals/runs/{id} and `--output run.json` show it. */
export type EvalRun = {
  id: string;
  suite: { name: string; file: string | null };
  gitCommit: string | null;
  config: EvalConfig;
  status: EvalRunStatus;
  error: string | null;
  progress: { done: number; total: number };
  summary: RunSummary | null;
  results: CaseResult[] | null;
  accepted: boolean;
  acceptedAt: string | null;
  startedAt: string;
  finishedAt: string | null;
};

type Row = {
  id: string;
  suite_name: string;
  suite_file: string | null;
  git_commit: string | null;
  config: EvalConfig;
  status: EvalRunStatus;
  error: string | null;
  progress_done: number;
  progress_total: number;
  summary: RunSummary | null;
  results: CaseResult[] | null;
  accepted: boolean;
  accepted_at: Date | null;
  started_at: Date;
  finished_at: Date | null;
};

const toRun = (r: Row): EvalRun => ({
  id: r.id,
  suite: { name: r.suite_name, file: r.suite_file },
  gitCommit: r.git_commit,
  config: r.config,
  status: r.status,
  error: r.error,
  progress: { done: r.progress_done, total: r.progress_total },
  summary: r.summary,
  results: r.results,
  accepted: r.accepted,
  acceptedAt: r.accepted_at?.toISOString() ?? null,
  startedAt: r.started_at.toISOString(),
  finishedAt: r.finished_at?.toISOString() ?? null,
});

export type NewEvalRun = {
  suiteName: string;
  suiteFile: string | null;
  gitCommit: string | null;
  config: EvalConfig;
  total: number;
};

/** The eval_runs table: every run, its progress while it runs, its results after, and which runs are baselines. */
export function createEvalStore(pool: pg.Pool) {
  const one = async (sql: string, params: unknown[]) => {
    const row = (await pool.query<Row>(sql, params)).rows[0];
    return row && toRun(row);
  };

  async function create(run: NewEvalRun): Promise<string> {
    const id = `evr_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    await pool.query(
      `INSERT INTO eval_runs (id, suite_name, suite_file, git_commit, config, progress_total) VALUES ($1,$2,$3,$4,$5,$6)`,
      [id, run.suiteName, run.suiteFile, run.gitCommit, run.config, run.total],
    );
    return id;
  }

  async function progress(id: string, done: number, total: number) {
    await pool.query(
      `UPDATE eval_runs SET progress_done = $2, progress_total = $3 WHERE id = $1 AND status = 'running'`,
      [id, done, total],
    );
  }

  /** Ends a run; a failed run keeps whatever results it has, so a partial run can still be read. */
  async function finish(
    id: string,
    end: { status: 'done' | 'failed'; summary?: RunSummary; results?: CaseResult[]; error?: string },
  ) {
    return one(
      `UPDATE eval_runs SET status = $2, summary = $3, results = $4, error = $5, finished_at = now(),
         progress_done = CASE WHEN $2 = 'done' THEN progress_total ELSE progress_done END
       WHERE id = $1 RETURNING *`,
      [
        id,
        end.status,
        end.summary ? JSON.stringify(end.summary) : null,
        end.results ? JSON.stringify(end.results) : null,
        end.error ?? null,
      ],
    );
  }

  const get = (id: string) => one('SELECT * FROM eval_runs WHERE id = $1', [id]);

  /** The baseline: the suite's most recently accepted run. */
  const lastAccepted = (suiteName: string) =>
    one('SELECT * FROM eval_runs WHERE suite_name = $1 AND accepted ORDER BY accepted_at DESC LIMIT 1', [suiteName]);

  /** Marks a finished run as the suite's baseline; a running or failed run cannot be one. */
  const accept = (id: string) =>
    one(`UPDATE eval_runs SET accepted = true, accepted_at = now() WHERE id = $1 AND status = 'done' RETURNING *`, [
      id,
    ]);

  /** Runs a stopped process left "running" can never finish: mark them failed at start. */
  async function failInterrupted(): Promise<number> {
    const res = await pool.query(
      `UPDATE eval_runs SET status = 'failed', error = 'interrupted: the process running it stopped', finished_at = now()
       WHERE status = 'running'`,
    );
    return res.rowCount ?? 0;
  }

  return { create, progress, finish, get, lastAccepted, accept, failInterrupted };
}
export type EvalStore = ReturnType<typeof createEvalStore>;
