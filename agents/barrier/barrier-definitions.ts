import type { Barrier, BarrierDefinition } from '../../src/domain/block.js';
import { BARRIER_PLAN } from '../strategy/barrier-techniques.js';

/**
 * What each barrier of the contract means, in the words the design uses (COM-B component from the
 * strategy table), so a model diagnoses against the same definitions the offline engine was built on.
 */
const DEFINITIONS: Record<Barrier, string> = {
  cost: 'The person cannot afford the medicine or the copay, or money worries delay a refill.',
  concerns: 'Worry about side effects, safety, long-term harm or interactions (Horne: concerns outweigh necessity).',
  necessity: 'Doubt that the medicine is needed or working, e.g. feeling well, symptoms mild (Horne: low necessity).',
  trust: 'Distrust of the drug maker, the evidence, the doctor or the programme.',
  health_literacy: 'Not knowing or not understanding how to take, inject, store or dose the medicine.',
  forgetfulness: 'Unintentional lapses: forgetting doses or refills, no routine, busy or travelling.',
  access: 'Practical obstacles to getting the medicine: pharmacy stock, transport, prior authorisation, coverage.',
  social_influence: 'People around the person discourage the treatment, or stigma around it.',
  emotional: 'Overwhelm, low mood or stress that makes treatment feel like too much.',
  none: 'Nothing indicates a barrier: on-track behaviour, or no evidence either way.',
};

export const BARRIER_DEFINITIONS: BarrierDefinition[] = (Object.keys(DEFINITIONS) as Barrier[]).map((barrier) => ({
  barrier,
  comB: barrier === 'none' ? '—' : BARRIER_PLAN[barrier].comB,
  definition: DEFINITIONS[barrier],
}));
