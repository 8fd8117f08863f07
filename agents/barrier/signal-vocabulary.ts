import type { Barrier } from '../../src/domain/block.js';

/**
 * What a page topic or a coverage status says about the barrier, as log-odds. Hand-set
 * from what each behaviour means (rationale beside each), never fitted to the eval cases.
 * Only values listed here are ever cited in evidence, so nothing else a client puts in
 * those fields is echoed back.
 */

export type Scores = Partial<Record<Barrier, number>>;

/**
 * Reading a page on a topic just before a lapse shows what is on the person's mind:
 * worth about as much as a hesitant sentence. A topic read again adds less, because the
 * second visit mostly confirms the first.
 */
export const TOPIC_FIRST = 1.5;
export const TOPIC_REPEAT = 0.6;

export const TOPICS: Record<string, Scores> = {
  cost: { cost: 1 },
  savings: { cost: 1 },
  copay: { cost: 1 },
  copay_card: { cost: 1 },
  financial_assistance: { cost: 1 },
  side_effects: { concerns: 1 },
  safety: { concerns: 1 },
  drug_interactions: { concerns: 1 },
  how_to_use: { health_literacy: 1 },
  storage: { health_literacy: 1 },
  injection: { health_literacy: 1 },
  dosing: { health_literacy: 1 },
  clinical_data: { necessity: 1 },
  efficacy: { necessity: 1 },
  pharmacy_locator: { access: 1 },
  // Clinical-trial pages: what a participant reads before missing a visit.
  placebo: { concerns: 1 },
  travel: { access: 1 },
  visit_schedule: { forgetfulness: 1 },
  research_trust: { trust: 1 },
  // Looking for support says little about which barrier: a nudge only.
  support: { emotional: 0.17, none: 0.1 },
};

/** A payer's decision is a fact about the person's situation, stronger than a page view. */
export const COVERAGE: Record<string, Scores> = {
  prior_auth_required: { access: 1.8 },
  prior_auth_pending: { access: 1.8 },
  denied: { access: 1.8 },
  formulary: { access: 1.8 },
  formulary_exclusion: { access: 1.8 },
  copay_increase: { cost: 1.8 },
  deductible_reset: { cost: 1.8 },
  // Approval removes an access problem but says nothing of the others.
  approved: { none: 0.4, access: -0.5 },
};

export function strongest(scores: Scores): string {
  return Object.entries(scores).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}
