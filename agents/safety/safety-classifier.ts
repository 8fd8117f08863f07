import { fnv1a32 as hash32 } from '../../src/content/fnv1a.js';
import { logits, softmax } from '../barrier/text-classifier.js';
import type { LanguageProfile } from './language-profile.js';
import { type SafetyFeatureConfig, spanVector, type TokenFeatures, tokenFeatures } from './safety-features.js';
import { isNoFinding, type SafetyModel } from './safety-model-file.js';
import { type SafetyToken, tokenise } from './safety-tokenise.js';
import { SAFETY_KINDS } from './safety-types.js';
import { planWindows, type Span } from './safety-windows.js';

/** One text read once: its tokens, the rules' view of it and the spans the classifier scores. */
export type TextAnalysis = { tokens: SafetyToken[]; normalised: string; spans: Span[]; features: TokenFeatures };

export function analyseText(text: string, profile: LanguageProfile, config: SafetyFeatureConfig): TextAnalysis {
  const { tokens, normalised } = tokenise(text, profile);
  const spans = planWindows(tokens.map((t) => t.sentence));
  const classified = spans.reduce((n, s) => Math.max(n, s.to), 0);
  return { tokens, normalised, spans, features: tokenFeatures(tokens.slice(0, classified), profile, config.dim) };
}

export type KindScore = { score: number; span: Span | null };

/**
 * Per kind (SAFETY_KINDS order), the highest calibrated probability over the text's spans
 * and the span that gave it: a crisis sentence inside a long message is not diluted.
 * Column 0 of the model is `none`; kind k is column k + 1; the ordinary labels follow.
 */
export function classifyText(model: SafetyModel, analysis: TextAnalysis): KindScore[] {
  const best: KindScore[] = SAFETY_KINDS.map(() => ({ score: 0, span: null }));
  const { bias, temperature } = model.softmax;
  for (const span of analysis.spans) {
    const z = logits(model.softmax, spanVector(analysis.features, span, model.features));
    const p = softmax(z, temperature);
    best.forEach((b, k) => {
      // The words themselves must favour the kind over every no-finding label: a text the model knows
      // nothing about (gibberish, a word it never saw) would otherwise inherit the kinds'
      // share of the corpus from the intercept alone.
      const evidence = z[k + 1]! - bias[k + 1]! - strongestNoFinding(z, bias);
      if (evidence > 0 && p[k + 1]! > b.score && !outranked(p, k)) best[k] = { score: p[k + 1]!, span };
    });
  }
  return yieldCrisis(best);
}

/** The words' push (logit less intercept) towards the strongest label that is no finding. */
function strongestNoFinding(z: number[], bias: ArrayLike<number>): number {
  let best = Number.NEGATIVE_INFINITY;
  z.forEach((v, j) => {
    if (isNoFinding(j)) best = Math.max(best, v - bias[j]!);
  });
  return best;
}

/**
 * A span that is surely another kind (p ≥ CONFIDENT, above crisis) is not also a crisis by
 * the classifier: "I took four pills by mistake" is a medication error. The span is still a
 * finding of that other kind (no threshold is above CONFIDENT), so the run is held by a
 * person either way; crisis rules are not affected.
 */
const CONFIDENT = 0.5;
function outranked(p: number[], k: number): boolean {
  if (SAFETY_KINDS[k] !== 'crisis') return false;
  return p.some((q, j) => !isNoFinding(j) && j !== k + 1 && q >= CONFIDENT && q > p[k + 1]!);
}

/**
 * A text that is surely another kind (p ≥ CONFIDENT in some span) is not also a crisis by
 * the classifier unless the classifier is as sure of the crisis (p ≥ CONFIDENT in its own
 * span). In a message about a rash or a pregnancy test, the mundane sentence next to it ("no
 * idea what to do") is otherwise read alone and inherits the crisis share of the corpus. A
 * sentence the classifier is as sure is a crisis stands beside a medical question: both are
 * findings. Crisis rules still fire, and the text is held for its other kind either way.
 */
const CRISIS = SAFETY_KINDS.indexOf('crisis');
export function yieldCrisis(best: KindScore[]): KindScore[] {
  const crisis = best[CRISIS]!;
  if (crisis.score >= CONFIDENT || !best.some((b, k) => k !== CRISIS && b.score >= CONFIDENT)) return best;
  return best.map((b, k) => (k === CRISIS ? { score: 0, span: null } : b));
}

/**
 * The lexicon categories in a span that pushed kind k up against `none`: a finding's cues
 * name what the classifier saw ("burden", "stockpiling") without quoting a word of the text.
 */
export function spanCues(
  model: SafetyModel,
  profile: LanguageProfile,
  analysis: TextAnalysis,
  span: Span,
  k: number,
  limit = 4,
): string[] {
  const { dim, classes, weights } = model.softmax;
  const pushes = new Map<string, number>();
  for (let i = span.from; i < span.to; i++) {
    for (const category of profile.cuesByStem.get(analysis.tokens[i]!.stem) ?? []) {
      const row = (hash32(`q:${category}`) % dim) * classes;
      const push = weights[row + k + 1]! - weights[row]!;
      if (push > 0) pushes.set(category, Math.max(push, pushes.get(category) ?? 0));
    }
  }
  return [...pushes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([category]) => category);
}
