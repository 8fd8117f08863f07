import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BARRIERS, type Barrier } from '../src/domain/block.js';
import type { DiagnosisEngine } from '../src/domain/engines.js';
import { LabelledCase } from './labelled-case.js';
import {
  accuracy,
  confusionMatrix,
  expectedCalibrationError,
  type LabelMetrics,
  macroF1,
  perLabelMetrics,
} from './metrics.js';

/** Held-out evaluation cases: measured against, never trained on. */
const BARRIER_CASES_PATH = fileURLToPath(new URL('./cases/barrier-cases.jsonl', import.meta.url));

export function loadBarrierCases(path = BARRIER_CASES_PATH): LabelledCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => LabelledCase.parse(JSON.parse(line)));
}

export type BarrierEvalResult = {
  engine: string;
  cases: number;
  perBarrier: LabelMetrics<Barrier>[];
  macroF1: number;
  accuracy: number;
  matrix: number[][];
  calibrationError: number;
  /** Mean confidence where right and where wrong: confidence should separate them. */
  meanConfidence: { correct: number; wrong: number };
  misses: Array<{ id: string; expected: Barrier; predicted: Barrier; confidence: number }>;
};

export async function evaluateBarrierEngine(
  engine: DiagnosisEngine,
  cases: LabelledCase[],
): Promise<BarrierEvalResult> {
  const rows = [];
  for (const c of cases) {
    const input = {
      signals: c.signals,
      history: { recentMessages: [], recentBarriers: [] },
      program: 'eval',
      audience: 'patient',
    };
    const { diagnosis } = await engine.diagnose(input);
    rows.push({ id: c.id, actual: c.barrier, predicted: diagnosis.barrier, confidence: diagnosis.confidence });
  }
  const matrix = confusionMatrix(BARRIERS, rows);
  const perBarrier = perLabelMetrics(BARRIERS, matrix);
  const scored = rows.map((r) => ({ confidence: r.confidence, correct: r.actual === r.predicted }));
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    engine: engine.name,
    cases: rows.length,
    perBarrier,
    macroF1: macroF1(perBarrier),
    accuracy: accuracy(matrix),
    matrix,
    calibrationError: expectedCalibrationError(scored),
    meanConfidence: {
      correct: mean(scored.filter((s) => s.correct).map((s) => s.confidence)),
      wrong: mean(scored.filter((s) => !s.correct).map((s) => s.confidence)),
    },
    misses: rows
      .filter((r) => r.actual !== r.predicted)
      .map((r) => ({ id: r.id, expected: r.actual, predicted: r.predicted, confidence: r.confidence })),
  };
}
