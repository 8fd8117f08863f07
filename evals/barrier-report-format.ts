import { BARRIERS } from '../src/domain/block.js';
import type { BarrierEvalResult } from './barrier-eval.js';

const SHORT: Record<string, string> = {
  health_literacy: 'literacy',
  social_influence: 'social',
  forgetfulness: 'forget',
};
const short = (b: string) => SHORT[b] ?? b;
const f2 = (v: number) => v.toFixed(2);
const f3 = (v: number) => v.toFixed(3);

/** A plain-text report: per-barrier table, summary figures, confusion matrix, misses by id. */
export function formatBarrierReport(r: BarrierEvalResult): string {
  const lines = [`barrier diagnosis — ${r.locale}, ${r.cases} cases (${r.engine} engine)`, ''];
  lines.push(`${'barrier'.padEnd(18)}${['P', 'R', 'F1', 'n'].map((h) => h.padStart(6)).join('')}`);
  for (const m of r.perBarrier) {
    lines.push(
      `${m.label.padEnd(18)}${[f2(m.precision), f2(m.recall), f2(m.f1), String(m.support)].map((v) => v.padStart(6)).join('')}`,
    );
  }
  lines.push('', `macro-F1 ${f3(r.macroF1)}   accuracy ${f3(r.accuracy)}   ECE ${f3(r.calibrationError)}`);
  lines.push(`mean confidence: right ${f2(r.meanConfidence.correct)}, wrong ${f2(r.meanConfidence.wrong)}`, '');
  lines.push('confusion (rows = expected, columns = predicted)');
  lines.push(`${''.padEnd(10)}${BARRIERS.map((b) => short(b).slice(0, 8).padStart(9)).join('')}`);
  r.matrix.forEach((row, i) => {
    lines.push(`${short(BARRIERS[i]!).slice(0, 9).padEnd(10)}${row.map((n) => String(n || '.').padStart(9)).join('')}`);
  });
  if (r.misses.length > 0) {
    lines.push('', 'misses');
    for (const m of r.misses) lines.push(`  ${m.id}: expected ${m.expected}, got ${m.predicted} (${f2(m.confidence)})`);
  }
  return lines.join('\n');
}
