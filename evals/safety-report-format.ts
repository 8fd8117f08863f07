import type { SafetyModelFile } from '../agents/safety/safety-model-file.js';
import { SAFETY_KINDS } from '../agents/safety/safety-types.js';
import type { SafetyEvalResult } from './safety-eval.js';

const f3 = (v: number) => v.toFixed(3);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(21) : c.padStart(10))).join('');

/** Held-out figures per kind, then the training corpus's cross-validated figures, then misses by case id. */
export function formatSafetyReport(result: SafetyEvalResult, model: SafetyModelFile): string {
  const lines = [
    `safety triage — held-out ${result.locale}: ${result.cases} cases, ${result.hardNegatives} hard negatives (${result.engine} engine)`,
    row(['kind', 'n', 'recall', 'precision', 'hard neg']),
  ];
  for (const m of result.perKind) {
    lines.push(row([m.kind, String(m.support), f3(m.recall), f3(m.precision), pct(m.hardNegativeRate)]));
  }
  lines.push(
    '',
    `cross-validated on the training corpus (${model.training.examples} lines, ${model.training.folds} folds, rules + classifier)`,
  );
  lines.push(row(['kind', 'n', 'recall', 'precision', 'hard neg', 'rules', 'threshold']));
  for (const kind of SAFETY_KINDS) {
    const cv = model.crossValidation[kind];
    lines.push(
      row([
        kind,
        String(cv.positives),
        f3(cv.recall),
        f3(cv.precision),
        pct(cv.hardNegativeRate),
        f3(cv.ruleRecall),
        String(model.thresholds[kind]),
      ]),
    );
  }
  if (result.misses.length > 0) lines.push('', `missed: ${result.misses.map((m) => `${m.id} (${m.kind})`).join(', ')}`);
  if (result.falseAlarms.length > 0) {
    lines.push(`false alarms: ${result.falseAlarms.map((m) => `${m.id} (${m.kind})`).join(', ')}`);
  }
  return lines.join('\n');
}
