import type { EvalRun } from '../eval-store.js';
import type { CaseResult } from './run-types.js';

type Side = { pass: boolean; status: string | null; barrier: string | null; failed: string[]; error?: string };

export type CaseChange = { id: string; base?: Side; head?: Side };

export type Comparison = {
  base: { id: string; suite: string; passRate: number | null; barrierAccuracy: number | null };
  head: { id: string; suite: string; passRate: number | null; barrierAccuracy: number | null };
  /** Passed in the base, fails in the head: these fail the comparison. */
  regressions: CaseChange[];
  /** Failed in the base, passes in the head. */
  fixes: CaseChange[];
  /** Same verdict, different answer (status or barrier). */
  changed: CaseChange[];
  added: CaseChange[];
  removed: CaseChange[];
  /** Set when the runs are of different suite versions (content digests): what changed may be the suite. */
  suiteChanged?: { base: string | null; head: string | null };
};

const side = (r: CaseResult): Side => ({
  pass: r.pass,
  status: r.status,
  barrier: r.barrier,
  failed: r.assertions.filter((a) => !a.pass && !a.skipped).map((a) => `${a.name}: ${a.reason}`),
  ...(r.error ? { error: r.error } : {}),
});

const headline = (run: EvalRun) => ({
  id: run.id,
  suite: run.suite.name,
  passRate: run.summary?.passRate ?? null,
  barrierAccuracy: run.summary?.barrier.evaluated ? run.summary.barrier.accuracy : null,
});

/** Case by case, matched by case id: what regressed, what was fixed, what answers differently. */
export function compareRuns(base: EvalRun, head: EvalRun): Comparison {
  const before = new Map((base.results ?? []).map((r) => [r.id, r]));
  const after = new Map((head.results ?? []).map((r) => [r.id, r]));
  const out: Comparison = {
    base: headline(base),
    head: headline(head),
    regressions: [],
    fixes: [],
    changed: [],
    added: [],
    removed: [],
    ...(base.config.suiteDigest !== head.config.suiteDigest
      ? { suiteChanged: { base: base.config.suiteDigest ?? null, head: head.config.suiteDigest ?? null } }
      : {}),
  };
  for (const [id, h] of after) {
    const b = before.get(id);
    if (!b) out.added.push({ id, head: side(h) });
    else if (b.pass && !h.pass) out.regressions.push({ id, base: side(b), head: side(h) });
    else if (!b.pass && h.pass) out.fixes.push({ id, base: side(b), head: side(h) });
    else if (b.status !== h.status || b.barrier !== h.barrier) out.changed.push({ id, base: side(b), head: side(h) });
  }
  for (const [id, b] of before) if (!after.has(id)) out.removed.push({ id, base: side(b) });
  return out;
}
