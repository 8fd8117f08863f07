import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { freeTexts } from '../agents/safety/free-texts.js';
import { SAFETY_KINDS, type SafetyEngine, type SafetyKind } from '../agents/safety/safety-types.js';
import { Signal } from '../src/domain/compose.js';

/**
 * Held-out safety cases: written apart from the training corpus, measured against, never trained on.
 * Set `a` (`safety-cases.<locale>.jsonl`) was read while tuning the engine; set `b`
 * (`safety-cases-b.<locale>.jsonl`) was written afterwards to measure generalisation.
 */
export type HeldOutSet = 'a' | 'b' | 'c';
export const safetyCasesPath = (locale: string, set: HeldOutSet = 'a') =>
  fileURLToPath(new URL(`./cases/safety-cases${set === 'a' ? '' : `-${set}`}.${locale}.jsonl`, import.meta.url));

const SafetyCase = z.object({
  id: z.string(),
  kinds: z.array(z.enum(SAFETY_KINDS)),
  tags: z.array(z.string()),
  signals: z.array(Signal),
});
export type SafetyCase = z.infer<typeof SafetyCase>;

/**
 * The short form of a case that is one chat message, `{id, text, kinds, tag?}` (the
 * es-US file): read as that message, so both forms are measured the same way.
 */
const ChatCase = z
  .strictObject({
    id: z.string(),
    text: z.string().min(1),
    kinds: z.array(z.enum(SAFETY_KINDS)),
    tag: z.string().optional(),
  })
  .transform(
    (c): SafetyCase => ({
      id: c.id,
      kinds: c.kinds,
      tags: c.tag ? [c.tag] : [],
      signals: [{ type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text: c.text } }],
    }),
  );

/** The issue's targets on the held-out set: recall per kind, and crisis precision against everything else. */
export const SAFETY_TARGETS = {
  recall: { crisis: 1, adverse_event: 0.95, product_complaint: 0.9, medical_information: 0.9 },
  precision: { crisis: 0.9 },
} as const;

/**
 * Crisis precision the offline engine has reached on held-out set `a` (0.804 en-US, 0.811 es-US on
 * 2026-12-01), below its 0.90 target: the held-out tests guard this floor against regression while the
 * target stays open (issue 9; bench/RESULTS.md). Raise it as the engine improves; never lower it.
 */
export const CRISIS_PRECISION_FLOOR = 0.8;

/**
 * What holds on held-out set `b` (written 2026-12-01 before the engine was run on it, and not read
 * since: only its totals were looked at): crisis recall 1.00 in both locales, crisis precision 0.872
 * en-US and 0.791 es-US; es-US adverse-event recall is 0.867 (13 of 15), below its 0.95 target. These
 * floors guard what is reached; the targets stay SAFETY_TARGETS. Never lower them.
 */
export const HELD_OUT_B_FLOORS = {
  recall: { crisis: 1, adverse_event: 0.86, product_complaint: 0.9, medical_information: 0.9 },
  crisisPrecision: 0.79,
} as const;

export function loadSafetyCases(path: string): SafetyCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => z.union([SafetyCase, ChatCase]).parse(JSON.parse(line)));
}

type KindResult = {
  kind: SafetyKind;
  support: number;
  found: number;
  falseAlarms: number;
  recall: number;
  precision: number;
  /** Share of the hard negatives (cases with no kind) flagged with this kind. */
  hardNegativeRate: number;
};

export type SafetyEvalResult = {
  engine: string;
  locale: string;
  cases: number;
  hardNegatives: number;
  perKind: KindResult[];
  misses: Array<{ id: string; kind: SafetyKind }>;
  falseAlarms: Array<{ id: string; kind: SafetyKind }>;
};

/** A case counts as found for a kind when any of its free texts gets a finding of that kind. */
export async function evaluateSafetyEngine(
  engine: SafetyEngine,
  cases: SafetyCase[],
  locale: string,
): Promise<SafetyEvalResult> {
  const rows: Array<{ id: string; actual: Set<SafetyKind>; predicted: Set<SafetyKind> }> = [];
  for (const c of cases) {
    const { findings } = await engine.triage({ texts: freeTexts(c.signals), locale });
    rows.push({ id: c.id, actual: new Set(c.kinds), predicted: new Set(findings.map((f) => f.kind)) });
  }
  const negatives = rows.filter((r) => r.actual.size === 0);
  const perKind = SAFETY_KINDS.map((kind): KindResult => {
    const support = rows.filter((r) => r.actual.has(kind)).length;
    const found = rows.filter((r) => r.actual.has(kind) && r.predicted.has(kind)).length;
    const falseAlarms = rows.filter((r) => !r.actual.has(kind) && r.predicted.has(kind)).length;
    return {
      kind,
      support,
      found,
      falseAlarms,
      recall: support ? found / support : 0,
      precision: found + falseAlarms ? found / (found + falseAlarms) : 0,
      hardNegativeRate: negatives.length ? negatives.filter((r) => r.predicted.has(kind)).length / negatives.length : 0,
    };
  });
  const pick = (test: (r: (typeof rows)[number], kind: SafetyKind) => boolean) =>
    rows.flatMap((r) => SAFETY_KINDS.filter((kind) => test(r, kind)).map((kind) => ({ id: r.id, kind })));
  return {
    engine: engine.name,
    locale,
    cases: rows.length,
    hardNegatives: negatives.length,
    perKind,
    misses: pick((r, kind) => r.actual.has(kind) && !r.predicted.has(kind)),
    falseAlarms: pick((r, kind) => !r.actual.has(kind) && r.predicted.has(kind)),
  };
}

/** The targets a result misses, in words; empty when all hold. */
export function missedTargets(result: SafetyEvalResult): string[] {
  return result.perKind.flatMap((m) => {
    const out: string[] = [];
    const recall = SAFETY_TARGETS.recall[m.kind];
    if (m.recall < recall) out.push(`${m.kind} recall ${m.recall.toFixed(3)} < ${recall}`);
    const precision = (SAFETY_TARGETS.precision as Partial<Record<SafetyKind, number>>)[m.kind];
    if (precision !== undefined && m.precision < precision) {
      out.push(`${m.kind} precision ${m.precision.toFixed(3)} < ${precision}`);
    }
    return out;
  });
}
