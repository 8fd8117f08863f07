import type { LanguageProfile } from './language-profile.js';
import { analyseText, classifyText, type KindScore, type TextAnalysis } from './safety-classifier.js';
import type { SafetyModel } from './safety-model-file.js';
import type { Idiom } from './safety-rules.js';
import { SAFETY_KINDS } from './safety-types.js';

const CRISIS = SAFETY_KINDS.indexOf('crisis');

/**
 * The second look at a crisis the classifier alone found. A bag of words cannot tell whose
 * death a death word is about: "this copay is killing me", "dying to know", "I'd kill for a
 * generic" share their strongest words with ideation. The rules file's `hyperbole` patterns
 * name the idioms whose object is a thing, a wish or a person's temper, never the writer's
 * life. When some match, the text is read again with each idiom replaced by its plain sense
 * (`means`, a blank when none is given: "dying to" → "want to", so "dying to be gone for
 * good" still reads as a wish to be gone), and that reading's crisis score replaces the first
 * one: whatever else in the text reads as a crisis ("this pain is killing me, I want to end
 * it") still does. Only the crisis column changes, only the classifier's score is touched (a
 * crisis rule's finding is never removed), and a
 * text with no idiom is not read twice.
 */
export function withoutHyperbole(
  scores: KindScore[],
  analysis: TextAnalysis,
  hyperbole: readonly Idiom[],
  model: SafetyModel,
  profile: LanguageProfile,
): KindScore[] {
  const crisis = scores[CRISIS]!;
  let masked = analysis.normalised;
  for (const idiom of hyperbole) masked = masked.replace(idiom.regex, idiom.means);
  if (masked === analysis.normalised) return scores;
  const again = classifyText(model, analyseText(masked, profile, model.features))[CRISIS]!;
  // The masked reading's spans index other tokens: the cues come from the original span, or
  // the whole text when only the plain-sense reading ("want to be gone") found the crisis.
  const span = again.score > 0 ? (crisis.span ?? { from: 0, to: analysis.tokens.length }) : null;
  return scores.map((s, k) => (k === CRISIS ? { score: again.score, span } : s));
}
