import type { Barrier } from '../../src/domain/block.js';
import { bct } from '../strategy/bct-taxonomy.js';
import type { BlockChoice } from './block-choice.js';
import type { Candidate } from './candidate.js';
import { channelWords, type LearningAction } from './learning-action.js';

const pct = (x: number) => `${Math.round(x * 100)}%`;

function describe(action: LearningAction): string {
  if (action.kind === 'skip') return 'to send nothing';
  const block = action.block ? ` (block ${action.block})` : '';
  return `${action.technique} ${bct(action.technique).name.toLowerCase()} by ${channelWords(action.channel)}${block}`;
}

/** What this person's and the programme's outcomes say about one arm, in words. */
function evidence(c: Candidate): string {
  const own = c.own.achieved + c.own.notAchieved;
  const others = c.others.achieved + c.others.notAchieved;
  const person = own
    ? `the target behaviour followed for this person ${c.own.achieved} of ${own} times`
    : 'it is untried with this person';
  const programme = others
    ? `${c.others.achieved} of ${others} times for others in the programme`
    : 'untried elsewhere in the programme';
  return `${person} and ${programme}`;
}

/**
 * One plain sentence for the trace and the console, e.g. "Chose 7.1 prompts/cues by SMS: the target
 * behaviour followed for this person 3 of 4 times and ...; it has the best estimated chance (71%,
 * 95% credible interval 45–90%)."
 */
export function choiceRationale(
  barrier: Barrier,
  choice: { coldStart: boolean; explored: boolean },
  chosen: Candidate,
  best: Candidate,
): string {
  const what = describe(chosen.action);
  if (choice.coldStart) {
    return `Chose ${what} as the design table does for ${barrier}: no outcomes have been recorded for any allowed option yet.`;
  }
  const estimate = `${pct(chosen.mean)}, 95% credible interval ${pct(chosen.interval[0])}–${pct(chosen.interval[1])}`;
  const why = choice.explored
    ? `explored it (estimated chance ${estimate}) to learn more, although ${describe(best.action)} has the best estimate so far (${pct(best.mean)})`
    : `it has the best estimated chance of the target behaviour (${estimate})`;
  return `Chose ${what}: ${evidence(chosen)}; ${why}.`;
}

/**
 * The block sentence, e.g. "Of 2 approved blocks for it, chose LZ-COST-SMS-02: the target behaviour
 * followed it for others 12 of 20 times; best estimated chance (58%, 95% credible interval 40–74%)."
 */
export function blockRationale(choice: BlockChoice): string {
  const chosen = choice.candidates.find((c) => c.block === choice.block)!;
  const best = choice.candidates.reduce((top, c) => (c.mean > top.mean ? c : top), chosen);
  const own = chosen.own.achieved + chosen.own.notAchieved;
  const others = chosen.others.achieved + chosen.others.notAchieved;
  const seen = [
    own ? `for this person ${chosen.own.achieved} of ${own} times` : '',
    others ? `for others ${chosen.others.achieved} of ${others} times` : '',
  ].filter(Boolean);
  const evidenceWords = seen.length
    ? `the target behaviour followed it ${seen.join(' and ')}`
    : 'no outcome is recorded for it yet, so it starts at its technique’s estimate';
  const estimate = `${pct(chosen.mean)}, 95% credible interval ${pct(chosen.interval[0])}–${pct(chosen.interval[1])}`;
  const why = choice.explored
    ? `explored it (estimated chance ${estimate}) although ${best.block} has the best estimate so far (${pct(best.mean)})`
    : `it has the best estimated chance among them (${estimate})`;
  return `Of ${choice.candidates.length} approved blocks for it, chose ${choice.block}: ${evidenceWords}; ${why}.`;
}
