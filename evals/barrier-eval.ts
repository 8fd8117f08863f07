import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
const CASES_DIR = fileURLToPath(new URL('./cases/', import.meta.url));

/** English keeps its first name; every other locale's cases are `barrier-cases.<locale>.jsonl`. */
export function barrierCasesPath(locale: string, dir = CASES_DIR): string {
  return locale === 'en-US' ? join(dir, 'barrier-cases.jsonl') : join(dir, `barrier-cases.${locale}.jsonl`);
}

/** The locales that have held-out barrier cases, English first. */
export function barrierCaseLocales(dir = CASES_DIR): string[] {
  const others = readdirSync(dir)
    .map((name) => /^barrier-cases\.([a-z]{2,3}-[A-Z]{2})\.jsonl$/.exec(name)?.[1])
    .filter((l): l is string => l !== undefined && l !== 'en-US')
    .sort();
  return ['en-US', ...others];
}

export function loadBarrierCases(path = BARRIER_CASES_PATH): LabelledCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => LabelledCase.parse(JSON.parse(line)));
}

export type BarrierEvalResult = {
  engine: string;
  /** The subject locale every case was diagnosed with. */
  locale: string;
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
  locale = 'en-US',
): Promise<BarrierEvalResult> {
  const rows = [];
  for (const c of cases) {
    const input = {
      signals: c.signals,
      history: { recentMessages: [], recentBarriers: [] },
      program: 'eval',
      audience: 'patient',
      locale,
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
    locale,
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
