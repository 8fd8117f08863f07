import type { SelectInput } from '../src/domain/engines.js';
import { dataBlock, dataOnlyRule, type Prompt } from './data-block.js';

export const SELECTION_TOOL = 'select_blocks';

const TAGS = ['plan', 'candidates'];

export const SELECTION_SYSTEM = [
  'You choose which medical-legal-regulatory approved content blocks make up one message, and their order.',
  "You never write or change text: the message is the chosen blocks' text, verbatim, joined in your order.",
  dataOnlyRule(TAGS),
  'Usual order: one greeting, the block(s) that best address the barrier with the planned techniques,',
  'one call to action, and an ISI block whenever a chosen block has requiresIsi true.',
  'When the plan says clarify, choose one question block instead of barrier blocks.',
  'Keep the joined text within maxCharacters; never choose a block listed in avoidBlockIds;',
  'prefer blocks not in recentlySentBlockIds.',
  `Answer by calling ${SELECTION_TOOL} once with the chosen block ids in message order.`,
].join(' ');

/** The plan and every candidate block (its text quoted as data) for one channel. */
export function buildSelectionPrompt(input: SelectInput, maxCharacters: number): Prompt {
  const plan = {
    barrier: input.diagnosis.barrier,
    techniques: input.strategy.techniques,
    channel: input.channel,
    maxCharacters,
    clarify: input.clarify ?? false,
    avoidBlockIds: input.faults.flatMap((f) => f.blockIds ?? []),
    fixRules: input.faults.map((f) => f.rule),
    recentlySentBlockIds: input.recentBlockIds ?? [],
  };
  const candidates = input.candidates.map((b) => ({
    id: b.id,
    kind: b.kind,
    channels: b.channels,
    requiresIsi: b.requiresIsi,
    barriers: b.tags.barriers,
    bcts: b.tags.bcts,
    text: b.text,
  }));
  return {
    system: SELECTION_SYSTEM,
    user: ['Choose the blocks for this message.', dataBlock('plan', plan), dataBlock('candidates', candidates)].join(
      '\n\n',
    ),
  };
}
