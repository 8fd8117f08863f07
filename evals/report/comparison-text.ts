import type { CaseChange, Comparison } from '../runner/compare-runs.js';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const answer = (s: CaseChange['base']) => (s ? `${s.error ? 'error' : s.status}/${s.barrier ?? '-'}` : '-');

function section(title: string, changes: CaseChange[], why: (c: CaseChange) => string): string[] {
  if (changes.length === 0) return [];
  return [
    '',
    `${title} (${changes.length}):`,
    ...changes.map((c) => `  ${c.id}: ${answer(c.base)} → ${answer(c.head)}${why(c)}`),
  ];
}

const headFailures = (c: CaseChange) => {
  const reasons = c.head?.error ? [c.head.error] : (c.head?.failed ?? []);
  return reasons.length ? `\n      ${reasons.join('\n      ')}` : '';
};

/** `nof1 eval compare` for a terminal: regressions first, each with why it now fails. */
export function renderComparison(c: Comparison): string {
  const lines = [
    `base ${c.base.id} (${c.base.suite}): pass rate ${pct(c.base.passRate)}, barrier accuracy ${pct(c.base.barrierAccuracy)}`,
    `head ${c.head.id} (${c.head.suite}): pass rate ${pct(c.head.passRate)}, barrier accuracy ${pct(c.head.barrierAccuracy)}`,
    ...(c.base.suite === c.head.suite ? [] : ['note: the runs are of different suites; cases are matched by id']),
    ...(c.suiteChanged
      ? [
          `note: the suite changed between these runs (content digest ${c.suiteChanged.base ?? 'unknown'} → ${c.suiteChanged.head ?? 'unknown'}): a difference may come from the suite, not the service; cases are matched by id`,
        ]
      : []),
    ...section('REGRESSIONS: passed, now fail', c.regressions, headFailures),
    ...section('fixes: failed, now pass', c.fixes, () => ''),
    ...section('changed answers (same verdict)', c.changed, () => ''),
    ...section('new cases', c.added, (x) => (x.head?.pass ? ' (passes)' : ' (fails)')),
    ...section('cases no longer in the run', c.removed, () => ''),
    '',
    c.regressions.length ? `${c.regressions.length} regression(s)` : 'no regressions',
  ];
  return `${lines.join('\n')}\n`;
}
