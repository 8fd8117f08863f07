import { withoutHyperbole } from './hyperbole.js';
import type { SafetyLocale } from './load-safety-locale.js';
import { defaultLocales } from './locale-cache.js';
import { analyseText, classifyText, spanCues } from './safety-classifier.js';
import { matchRules } from './safety-rules.js';
import { SAFETY_KINDS, type TextFinding } from './safety-types.js';
import { MAX_CLASSIFIED_TOKENS, MAX_SCAN_CHARS } from './safety-windows.js';

/**
 * One text → the kinds found in it, most severe first. Rules find the unambiguous; the
 * classifier finds what rules were never written for; a kind either one finds is a
 * finding (findings only add caution). Deterministic for given locale data. A text longer
 * than MAX_SCAN_CHARS is read up to there, and its findings carry the cue "scan_capped".
 */
export function triageWith(data: SafetyLocale, text: string, extraCues: string[] = []): TextFinding[] {
  const { analysis, capped, ruled, scores } = readText(data, text);
  const notes = [...extraCues, ...(capped ? ['scan_capped'] : [])];
  return SAFETY_KINDS.flatMap((kind, k): TextFinding[] => {
    const rule = ruled.find((f) => f.kind === kind);
    const { score, span } = scores[k]!;
    const classified = score >= data.model.thresholds[k]! && span !== null;
    if (!rule && !classified) return [];
    const cues = classified ? spanCues(data.model, data.profile, analysis, span, k) : [];
    if (rule) {
      return [
        {
          kind,
          score: round(Math.max(rule.score, score)),
          source: 'rule',
          cues: unique([...rule.cues, ...cues, ...notes]),
        },
      ];
    }
    return [
      {
        kind,
        score: round(score),
        source: 'classifier',
        cues: unique([...(cues.length ? cues : ['classifier']), ...notes]),
      },
    ];
  });
}

/**
 * What triage reads in one text before any threshold: the rules' findings and, per kind,
 * the classifier's best span score (0 where its guards ruled the kind out). A kind is a
 * finding when a rule found it or its score reaches the model's threshold.
 */
export function readText(data: SafetyLocale, text: string) {
  const analysis = analyseText(text.slice(0, MAX_SCAN_CHARS), data.profile, data.model.features);
  const capped = text.length > MAX_SCAN_CHARS || analysis.tokens.length > MAX_CLASSIFIED_TOKENS;
  const ruled = matchRules(data.rules.rules, analysis.normalised, data.profile);
  const scores = withoutHyperbole(
    classifyText(data.model, analysis),
    analysis,
    data.rules.hyperbole,
    data.model,
    data.profile,
  );
  return { analysis, capped, ruled, scores };
}

/**
 * `triageText(text, locale)`: the locale's data, or its language's, or en-US (then every
 * finding carries the cue "locale_fallback"), loaded once per process.
 */
export function triageText(text: string, locale: string): TextFinding[] {
  const { data, fallback } = defaultLocales().get(locale);
  return triageWith(data, text, fallback ? ['locale_fallback'] : []);
}

const unique = (cues: string[]) => [...new Set(cues)];
const round = (v: number) => Math.round(v * 1000) / 1000;
