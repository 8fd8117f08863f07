import type { EvalRun } from '../eval-store.js';
import type { RunSummary } from '../runner/run-types.js';
import { thresholdLabel } from '../runner/thresholds.js';
import { localeCounts } from './locale-counts.js';
import { textTable } from './text-table.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function barrierTable(s: RunSummary): string {
  if (!s.barrier.evaluated) return 'barriers: no case has a barrier assertion';
  const rows = s.barrier.perBarrier
    .filter((m) => m.support > 0 || m.precision > 0)
    .map((m) => [m.label, m.support, m.precision.toFixed(2), m.recall.toFixed(2), m.f1.toFixed(2)]);
  const head = `barriers: accuracy ${pct(s.barrier.accuracy)}, macro-F1 ${s.barrier.macroF1.toFixed(3)} over ${s.barrier.evaluated} attempts${s.barrier.undiagnosed ? ` (${s.barrier.undiagnosed} without a diagnosis)` : ''}`;
  return `${head}\n${textTable(['barrier', 'expected', 'precision', 'recall', 'F1'], rows)}`;
}

function assertionTable(s: RunSummary): string {
  const rows = Object.entries(s.byAssertion)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([type, c]) => [type, c.pass, c.fail, c.skipped, c.pass + c.fail ? pct(c.pass / (c.pass + c.fail)) : '-']);
  return rows.length ? textTable(['assertion', 'pass', 'fail', 'skipped', 'pass rate'], rows) : 'no assertions ran';
}

function thresholdLines(s: RunSummary): string[] {
  return s.thresholds.map((t) => {
    const bounds = [t.min === undefined ? '' : `≥ ${t.min}`, t.max === undefined ? '' : `≤ ${t.max}`].filter(Boolean);
    const actual = t.actual === null ? t.note : Number(t.actual.toFixed(4));
    return `  ${t.held ? 'held  ' : 'FAILED'} ${thresholdLabel(t)} ${bounds.join(' ')}: ${actual}`;
  });
}

/** What a strategist reads at the end of `nof1 eval run`: the verdict first, then where it came from. */
export function terminalSummary(run: EvalRun): string {
  const s = run.summary;
  if (!s) return `run ${run.id}: ${run.status}${run.error ? `: ${run.error}` : ''}\n`;
  const failed = (run.results ?? []).filter((c) => !c.pass);
  const lines = [
    `suite ${run.suite.name} · run ${run.id} · ${run.status}`,
    `cases ${s.cases} (${s.attempts} attempts): ${s.passed} passed, ${s.failed} failed (${s.errors} errors) · pass rate ${pct(s.passRate)} · latency p50 ${Math.round(s.latency.p50)} ms, p95 ${Math.round(s.latency.p95)} ms`,
    `subject locales: ${localeCounts(run.results ?? []) || 'none'}`,
    '',
    barrierTable(s),
    '',
    assertionTable(s),
  ];
  if (s.flaky.length) lines.push('', `FLAKY (answers differ between repeats): ${s.flaky.join(', ')}`);
  if (failed.length) {
    lines.push('', 'failed cases:');
    for (const c of failed.slice(0, 30)) {
      const why =
        c.error ??
        c.assertions
          .filter((a) => !a.pass && !a.skipped)
          .map((a) => `${a.name}: ${a.reason}`)
          .join('; ');
      lines.push(`  ${c.id}: ${why || (c.flaky ? 'flaky' : 'failed')} [${c.locale ?? 'en-US'}]`);
    }
    if (failed.length > 30) lines.push(`  … and ${failed.length - 30} more (see --output)`);
  }
  if (s.thresholds.length) lines.push('', `thresholds ${s.thresholdsHeld ? 'held' : 'FAILED'}:`, ...thresholdLines(s));
  if (run.error) lines.push('', `error: ${run.error}`);
  return `${lines.join('\n')}\n`;
}
