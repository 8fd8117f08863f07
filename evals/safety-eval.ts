import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { freeTexts } from '../agents/safety/free-texts.js';
import { SAFETY_KINDS, type SafetyEngine, type SafetyKind } from '../agents/safety/safety-types.js';
import { Signal } from '../src/domain/compose.js';

/**
 * Held-out safety cases: written apart from the training corpus, measured against, never trained on.
 * Set `a` (`safety-cases.<locale>.jsonl`) was read while tuning the engine; set `b`
 * (`safety-cases-b.<locale>.jsonl`) was written afterwards to measure generalisation; sets `c` and `d`
 * (`safety-cases-<set>.<locale>.jsonl`) by people who had seen neither the corpora nor the earlier sets'
 * cases (for `d`, only three lines of `c`, for the format). Set `e` was written the same way, before the corpus
 * round that followed `d`'s, so that it measures phrasings no corpus writer had in mind. Sets `f` to `i` were
 * written the same way on 2026-12-02, by writers who opened no file of the repository.
 */
export const HELD_OUT_SETS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;
export type HeldOutSet = (typeof HELD_OUT_SETS)[number];
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
const SAFETY_TARGETS = {
  recall: { crisis: 1, adverse_event: 0.95, product_complaint: 0.9, medical_information: 0.9 },
  precision: { crisis: 0.9 },
} as const;

type Floors = { recall: Record<SafetyKind, number>; crisisPrecision: number };
const floors = (crisis: number, ae: number, pc: number, mi: number, crisisPrecision: number): Floors => ({
  recall: { crisis, adverse_event: ae, product_complaint: pc, medical_information: mi },
  crisisPrecision,
});

/**
 * What the offline engine holds on each held-out set, measured 2026-12-01 after ordinary messages joined
 * its training (bench/RESULTS.md, "Safety triage: ordinary messages"). The tests guard these floors; the
 * issue's targets stay SAFETY_TARGETS, and where a floor is below its target the target is missed.
 * Set `a` was read while tuning the engine; `b` was written before the engine was run on it; `c` was
 * written by someone who had seen neither the corpora nor the other sets, and only its totals have been read.
 * Crisis recall fell on set `a` (1.00 → 0.95 en-US, four cases; 0.98 es-US, one) and es-US `b` (1.00 →
 * 0.97) when ordinary messages stopped being held 11–23 % of the time; en-US `b` holds at 1.00, and on
 * `c` it is 0.98 en-US and 0.96 es-US, where the engine before the change had 0.98 in both. These
 * figures move by a case or two with any change to the corpus (the shuffle): removing four duplicate
 * es-US lines moved es-US `b` and `c` from 1.00 and 1.00 to 0.97 and 0.96. Raise floors as the
 * engine improves; lower one only with the reason in bench/RESULTS.md.
 * Then (same day, later) 997 lines per locale of adverse events, medical questions, complaints and their hard
 * negatives, including clinicians' routine requests: adverse-event recall rose on every set where it was
 * missed (en-US a 0.90 → 0.97, c 0.73 → 0.95; es-US b 0.80 → 1.00, c 0.73 → 0.86), crises missed over the six
 * sets fell from 9 to 7, and crisis precision fell on en-US a and c and es-US a (bench/RESULTS.md, "Safety
 * triage: adverse events and medical questions").
 * Then a fourth round (about 640 lines per locale: indirect crisis language, its hard negatives and clinicians'
 * routine requests), measured first on set `d`, written for it by someone who had seen neither the corpora nor
 * the other sets. Crises missed over sets a–c fell from 7 to 3 and crisis precision rose on five of the six;
 * one case each was lost on medical questions (en-US `a`, es-US `a` and `c`) and en-US `c` adverse events, and
 * es-US `b` holds one more hard negative, so those floors went down by that case
 * (bench/RESULTS.md, "Safety triage: a fourth corpus round").
 * Then three barrier-corpus lines that were also held-out hard negatives (c-en-110, c-en-138, es-sf-346) were
 * dropped and both models retrained: es-US `a` crisis precision 0.89 → 0.87 (two more false alarms), es-US `c`
 * adverse events 0.86 → 0.82 (one case) and its crisis precision 0.93 → 0.92 (one false alarm) — the shuffle
 * again, and the price of no longer training on held-out text (bench/RESULTS.md, "Safety triage: a leak mended").
 * Set `e`'s floors are the engine as it stood when `e` was written (main 49b9a21), measured once before any
 * training line was written after it (bench/RESULTS.md, "Safety triage: a fresh held-out set e").
 * Then a fifth round of about 470 lines per locale, written without opening evals/ while `e` was being written,
 * measured first on `e`. es-US kept it: crisis recall on `e` 0.96 → 0.98 and precision 0.90 → 0.92, crisis recall
 * on `c` 0.98 → 1.00; its crisis precision on `a` fell 0.87 → 0.855 (one false alarm), so that floor went down by it,
 * and the floors elsewhere rose to what the engine now holds. en-US did not keep it: it held 30 of 130 ordinary
 * messages for a finding (25 before) and 10 as a crisis (7), and crisis precision fell on `a` and `b`, for gains
 * on `e` alone (bench/RESULTS.md, "Safety triage: a fifth corpus round").
 * Sets `f`, `g` and `h` (2026-12-02) were written by people who opened no file of the repository. On them the engine
 * of that day found 0.89–0.98 of the crises (`f` was then read; `g` decided; `h` measured twice, before and after).
 * The crisis rules then gained es-US the reach of the en-US ones, and both locales more tenses and persons: es-US
 * crises missed over a–e fell from 4 to 2 and on `f` and `h` from 5 to 2 and 3 to 1; es-US `d` holds one more
 * hard negative as a crisis (precision 0.956 → 0.936), so that floor went down by it; floors elsewhere rose to what
 * the engine now holds (bench/RESULTS.md, "Safety triage: three fresh sets and crisis rules with the same reach").
 * Set `i` (2026-12-02, later) was written the same way and measured on that engine before any change of the day;
 * its texts are not read. The rule rounds and the crisis guard at 0.5 that followed found one more es-US crisis
 * on it and held one more case as a crisis per locale, each a case held for another kind anyway (crisis precision
 * 0.933 → 0.913 en-US, 0.911 → 0.894 es-US), so those two floors went down by it; floors elsewhere rose to what
 * the engine now holds (bench/RESULTS.md, "Safety triage: indirect crisis rules, event rules and a fresh set i").
 */
export const HELD_OUT_FLOORS: Record<HeldOutSet, Record<'en-US' | 'es-US', Floors>> = {
  a: { 'en-US': floors(1, 0.97, 1, 0.97, 0.89), 'es-US': floors(1, 1, 0.98, 0.96, 0.86) },
  b: { 'en-US': floors(1, 1, 1, 1, 0.97), 'es-US': floors(1, 1, 1, 1, 0.97) },
  c: { 'en-US': floors(1, 0.9, 0.92, 0.69, 0.88), 'es-US': floors(1, 0.86, 1, 0.69, 0.91) },
  d: { 'en-US': floors(0.97, 0.93, 0.93, 1, 0.93), 'es-US': floors(0.97, 0.9, 1, 1, 0.93) },
  e: { 'en-US': floors(1, 0.96, 0.87, 0.84, 0.88), 'es-US': floors(0.97, 0.93, 1, 0.83, 0.91) },
  f: { 'en-US': floors(0.88, 1, 1, 0.94, 0.88), 'es-US': floors(0.97, 0.9, 1, 0.94, 0.91) },
  g: { 'en-US': floors(0.95, 0.81, 0.87, 0.89, 0.85), 'es-US': floors(0.97, 1, 1, 0.88, 0.91) },
  h: { 'en-US': floors(0.95, 0.94, 0.87, 0.94, 0.91), 'es-US': floors(0.97, 0.93, 0.93, 0.94, 0.91) },
  i: { 'en-US': floors(0.93, 0.96, 0.93, 1, 0.91), 'es-US': floors(0.93, 0.81, 0.88, 1, 0.89) },
};

/**
 * Ordinary messages must reach their programme: the share of the held-out barrier cases' free texts
 * (evals/cases/barrier-cases*.jsonl, never trained on by the safety model) that triage flags, per kind and
 * in all. Before ordinary messages joined the training, 23 % (en-US) and 11 % (es-US) of them were held as
 * a possible crisis.
 */
export async function ordinaryFlagRates(engine: SafetyEngine, texts: string[], locale: string) {
  const kinds: Set<SafetyKind>[] = [];
  for (const text of texts) {
    const { findings } = await engine.triage({ texts: [{ index: 0, type: 'chat_message', text }], locale });
    kinds.push(new Set(findings.map((f) => f.kind)));
  }
  const rate = (hit: (k: Set<SafetyKind>) => boolean) => kinds.filter(hit).length / Math.max(1, kinds.length);
  return {
    texts: texts.length,
    any: rate((k) => k.size > 0),
    perKind: Object.fromEntries(SAFETY_KINDS.map((kind) => [kind, rate((k) => k.has(kind))])) as Record<
      SafetyKind,
      number
    >,
  };
}

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
