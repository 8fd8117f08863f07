import { z } from 'zod';
import { complianceLocale } from '../../src/compliance/compliance-locales.js';
import { readabilityScore } from '../../src/compliance/readability.js';
import { caseLocale } from '../case-locale.js';
import { defineAssertion, verdict } from './define-assertion.js';

/**
 * The body reads within its language's lay target, measured with the formula compliance uses for the
 * locale the case asked for: Flesch–Kincaid grade ≤ 8 in English, Fernández Huerta ease ≥ 60 in
 * Spanish. `value` replaces the target on that scale. Nothing sent is readable enough.
 */
export const readabilityTarget = defineAssertion(z.strictObject({ value: z.number().optional() }), (outcome, args) => {
  const body = outcome.answer.message?.body;
  if (body === undefined) return verdict(true, `no message (status ${outcome.answer.status})`);
  const locale = caseLocale(outcome.case.request);
  const data = complianceLocale(locale);
  if (!data) return verdict(false, `no readability formula for ${locale}`);
  const { formula, layTarget } = data.readability;
  const target = args.value ?? layTarget;
  const score = readabilityScore(body, formula);
  // Grades are ceilings (lower reads easier); ease scores are floors (higher reads easier).
  const ceiling = formula === 'flesch-kincaid';
  const pass = ceiling ? score <= target : score >= target;
  const miss = Math.abs(score - target) / (ceiling ? 10 : 100);
  return verdict(pass, `${formula} ${score} (${ceiling ? 'max' : 'min'} ${target})`, pass ? 1 : Math.max(0, 1 - miss));
});
