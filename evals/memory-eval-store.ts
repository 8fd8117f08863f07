import { randomUUID } from 'node:crypto';
import type { EvalRun, EvalStore, NewEvalRun } from './eval-store.js';

/**
 * The eval store's contract kept in memory: for `nof1 eval run --no-store` (nothing outlives the process)
 * and for tests that need no database.
 */
export function createMemoryEvalStore(): EvalStore {
  const runs = new Map<string, EvalRun>();
  const copy = (r: EvalRun | undefined) => (r ? structuredClone(r) : undefined);

  return {
    async create(run: NewEvalRun) {
      const id = `evr_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
      runs.set(id, {
        id,
        suite: { name: run.suiteName, file: run.suiteFile },
        gitCommit: run.gitCommit,
        config: run.config,
        status: 'running',
        error: null,
        progress: { done: 0, total: run.total },
        summary: null,
        results: null,
        accepted: false,
        acceptedAt: null,
        startedAt: new Date().toISOString(),
        finishedAt: null,
      });
      return id;
    },
    async progress(id, done, total) {
      const r = runs.get(id);
      if (r?.status === 'running') r.progress = { done, total };
    },
    async finish(id, end) {
      const r = runs.get(id);
      if (!r) return undefined;
      Object.assign(r, {
        status: end.status,
        summary: end.summary ?? null,
        results: end.results ?? null,
        error: end.error ?? null,
        finishedAt: new Date().toISOString(),
      });
      if (end.status === 'done') r.progress.done = r.progress.total;
      return copy(r);
    },
    get: async (id) => copy(runs.get(id)),
    async lastAccepted(suiteName) {
      const accepted = [...runs.values()].filter((r) => r.suite.name === suiteName && r.accepted);
      return copy(accepted.sort((a, b) => (b.acceptedAt ?? '').localeCompare(a.acceptedAt ?? ''))[0]);
    },
    async accept(id) {
      const r = runs.get(id);
      if (r?.status !== 'done') return undefined;
      Object.assign(r, { accepted: true, acceptedAt: new Date().toISOString() });
      return copy(r);
    },
    async failInterrupted() {
      return 0;
    },
  };
}
