import type { Barrier, Channel } from '../../src/domain/block.js';
import type { Strategy } from '../../src/domain/compose.js';
import type { LearningMode } from '../../src/domain/ports.js';
import { bct } from '../strategy/bct-taxonomy.js';
import { DEFAULT_POSTERIOR } from './arm-posterior.js';
import { type BlockCandidate, type BlockChoice, chooseBlock } from './block-choice.js';
import type { Candidate } from './candidate.js';
import type { OpenState } from './channel-opens.js';
import { blockRationale } from './choice-rationale.js';
import { actionKey, armKey, type LearningAction, SKIP } from './learning-action.js';
import { type ChannelRecord, channelFromOpens } from './opens-channel.js';
import { type LearnerState, type OutcomeCounts, programmeCounts } from './outcome-counts.js';
import { seededRandom } from './seeded-random.js';
import { SKIP_WARMUP, skipTrialRationale, triesSkip } from './skip-trial.js';
import { chooseAction, type LearningChoice } from './thompson-choice.js';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const total = (c: OutcomeCounts) => c.achieved + c.notAchieved;

type ActionView = { technique: string; name: string; channel: Channel } | { technique: 'skip'; channel: null };
const SKIP_VIEW: ActionView = { technique: 'skip', channel: null };
const sendView = (technique: string, channel: Channel): ActionView => ({
  technique,
  name: bct(technique).name,
  channel,
});
const view = (a: LearningAction): ActionView => (a.kind === 'skip' ? SKIP_VIEW : sendView(a.technique, a.channel));

/** One candidate for the trace: the action, its posterior, the draw, and the counts behind it (no ids). */
const candidateRecord = (c: Candidate) => ({
  ...view(c.action),
  mean: r3(c.mean),
  interval: [r3(c.interval[0]), r3(c.interval[1])],
  sample: c.sample === null ? null : r3(c.sample),
  tableRank: c.tableRank,
  own: { achieved: c.own.achieved, tried: c.own.achieved + c.own.notAchieved },
  others: { achieved: c.others.achieved, tried: c.others.achieved + c.others.notAchieved },
});

/** One alternative block for the trace: its posterior, the draw and the counts behind it (no ids of people). */
const blockRecord = (c: BlockCandidate) => ({
  block: c.block,
  mean: r3(c.mean),
  interval: [r3(c.interval[0]), r3(c.interval[1])],
  sample: r3(c.sample),
  own: { achieved: c.own.achieved, tried: c.own.achieved + c.own.notAchieved },
  others: { achieved: c.others.achieved, tried: c.others.achieved + c.others.notAchieved },
});

/** What the trace records of a learned (or shadowed) choice. */
export type LearningRecord = {
  mode: Exclude<LearningMode, 'off'>;
  /** The action the run follows. */
  used: ActionView;
  /** What the policy chose (in shadow mode, beside the table's choice that is used). */
  policy: ActionView;
  agree: boolean;
  explored: boolean;
  coldStart: boolean;
  rationale: string;
  /** Sending nothing was allowed but left out of the draw: too few outcomes of skipped runs for this barrier yet. */
  skipUnobserved: boolean;
  /** Sending nothing was tried on purpose while its outcomes are too few to weigh (skip-trial.ts). */
  skipTrial?: true;
  candidates: ReturnType<typeof candidateRecord>[];
  /** Where the channel was chosen first from how often the subject opens each one (opens-channel.ts). */
  channel?: ChannelRecord;
  /** Where the library offers several approved blocks for the chosen technique and channel: the block chosen among them. */
  block?: { chosen: string; explored: boolean; candidates: ReturnType<typeof blockRecord>[] };
};

function how(choice: LearningChoice): string {
  if (choice.coldStart) return 'cold start, the design table chose';
  return choice.explored ? 'explored' : 'exploited';
}

/** The strategy a learned action stands for: its technique alone, or no technique (send nothing). */
function strategyOf(action: LearningAction, choice: LearningChoice): Strategy {
  const techniques = action.kind === 'skip' ? [] : [{ code: action.technique, name: bct(action.technique).name }];
  return { techniques, rationale: `Learning (${how(choice)}): ${choice.rationale}` };
}

/**
 * Consults the learner for one run. `on`: the learner's action is used (its technique, its channel first,
 * or nothing sent) and the rationale says whether it exploited or explored. `shadow`: the table's
 * strategy and channel stay; the record shows what the policy would have chosen beside them.
 */
export function learnedStrategy(input: {
  mode: Exclude<LearningMode, 'off'>;
  state: LearnerState;
  subject?: string;
  barrier: Barrier;
  allowed: readonly LearningAction[];
  /** The table's strategy and the channel it would go on. */
  table: { strategy: Strategy; channel: Channel | null };
  /** Seeds the draw, so a run's choice replays. */
  seed: string;
  /** Opens per channel: given, the channel is chosen from them first where the sends span several channels. */
  opens?: OpenState;
  /** The approved blocks the library offers for a send action (blockAlternatives); none when absent. */
  alternatives?: (action: LearningAction) => string[];
}): { strategy: Strategy; channel: Channel | null; block: string | null; record: LearningRecord } {
  // The channel first, from opens, as on the simulator; then the technique among the sends on it.
  const channel = input.opens && channelFromOpens({ ...input, opens: input.opens });
  const allowed = channel?.allowed ?? input.allowed;
  // Skipping competes in the draw only once enough skipped runs' outcomes are known (skip-trial.ts); until
  // then it is tried now and then on purpose, or it could never be observed.
  const seen = total(programmeCounts(input.state, armKey(input.barrier, SKIP)));
  const sends = allowed.filter((a) => a.kind === 'send');
  const warming = allowed.some((a) => a.kind === 'skip') && seen < SKIP_WARMUP && sends.length > 0;
  const draw = (among: readonly LearningAction[]) =>
    chooseAction({
      state: input.state,
      subject: input.subject,
      barrier: input.barrier,
      allowed: among,
      random: seededRandom(input.seed),
    });
  let choice = draw(warming ? sends : allowed);
  const skipTrial = warming && !choice.coldStart && triesSkip(input.seed);
  if (skipTrial) {
    const weighed = draw(allowed);
    choice = { ...weighed, action: SKIP, explored: true, rationale: skipTrialRationale(input.barrier, seen) };
  }
  const skipUnobserved = warming && choice.action.kind !== 'skip';
  if (channel && choice.action.kind === 'send') choice.rationale = `${choice.rationale} ${channel.rationale}`;
  const block = pickBlock(input, choice);
  if (block) choice.rationale = `${choice.rationale} ${blockRationale(block)}`;
  const policy = view(choice.action);
  const lead = input.table.strategy.techniques[0]?.code;
  const tableView = lead && input.table.channel ? sendView(lead, input.table.channel) : SKIP_VIEW;
  const on = input.mode === 'on';
  const record: LearningRecord = {
    mode: input.mode,
    used: on ? policy : tableView,
    policy,
    agree: policy.technique === tableView.technique && policy.channel === tableView.channel,
    explored: choice.explored,
    coldStart: choice.coldStart,
    rationale: choice.rationale,
    skipUnobserved,
    ...(skipTrial ? { skipTrial: true as const } : {}),
    candidates: choice.candidates.map(candidateRecord),
    ...(channel ? { channel: channel.record } : {}),
    ...(block
      ? { block: { chosen: block.block, explored: block.explored, candidates: block.candidates.map(blockRecord) } }
      : {}),
  };
  if (!on) return { ...input.table, block: null, record };
  return {
    strategy: strategyOf(choice.action, choice),
    channel: choice.action.kind === 'send' ? choice.action.channel : null,
    block: block?.block ?? null,
    record,
  };
}

/** The block among the chosen arm's alternatives (its own draw, so the arm's draws replay unchanged). */
function pickBlock(
  input: {
    state: LearnerState;
    subject?: string;
    barrier: Barrier;
    seed: string;
    alternatives?: (a: LearningAction) => string[];
  },
  choice: LearningChoice,
): BlockChoice | undefined {
  const action = choice.action;
  if (action.kind !== 'send' || !input.alternatives) return undefined;
  const arm = choice.candidates.find((c) => c.key === actionKey(action));
  if (!arm) return undefined;
  return chooseBlock({
    state: input.state,
    subject: input.subject,
    barrier: input.barrier,
    action,
    arm,
    blocks: input.alternatives(action),
    random: seededRandom(`${input.seed}:block`),
    config: DEFAULT_POSTERIOR,
  });
}
