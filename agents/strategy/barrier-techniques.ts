import type { Barrier } from '../../src/domain/block.js';

/**
 * The design's barrier → COM-B → first BCTs table, in order of preference. Trust adds 4.2
 * (information about antecedents) to carry "transparent uncertainty", which has no BCT of its own.
 */
export const BARRIER_PLAN: Record<Exclude<Barrier, 'none'>, { comB: string; bcts: string[]; aim: string }> = {
  cost: {
    comB: 'physical opportunity',
    bcts: ['3.2', '1.2', '12.1'],
    aim: 'remove the cost obstacle with practical help',
  },
  concerns: {
    comB: 'reflective motivation',
    bcts: ['5.1', '9.1', '1.2', '11.2'],
    aim: 'answer worries about side effects with balanced information from a credible source',
  },
  necessity: {
    comB: 'reflective motivation',
    bcts: ['5.1', '5.2', '2.2', '9.1'],
    aim: 'make the reasons for continuing treatment salient',
  },
  trust: {
    comB: 'reflective motivation',
    bcts: ['9.1', '3.1', '4.2'],
    aim: 'rebuild trust through credible, transparent sources',
  },
  health_literacy: {
    comB: 'psychological capability',
    bcts: ['4.1', '6.1'],
    aim: 'make taking the medicine clear, step by step',
  },
  forgetfulness: {
    comB: 'psychological capability / automatic motivation',
    bcts: ['7.1', '8.3', '1.4'],
    aim: 'cue the behaviour and help it become a habit',
  },
  access: {
    comB: 'physical opportunity',
    bcts: ['3.2', '1.2', '12.1'],
    aim: 'solve the pharmacy, transport or authorisation obstacle',
  },
  social_influence: {
    comB: 'social opportunity',
    bcts: ['3.1', '6.3', '13.2'],
    aim: 'counter unhelpful social pressure and show that others approve',
  },
  emotional: {
    comB: 'automatic motivation',
    bcts: ['3.3', '11.2', '15.1'],
    aim: 'acknowledge the feeling, offer support and build confidence',
  },
};
