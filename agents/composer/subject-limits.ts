import { INFORMED_CHOICE_TOPIC } from '../../src/compliance/preferences-rule.js';
import type { Channel, ContentBlock } from '../../src/domain/block.js';
import type { ToolCallRecord } from '../../src/domain/engines.js';
import type { RunState } from '../../src/domain/run-state.js';
import type { ContentTools } from './retrieve-candidates.js';

/** Blocks about a topic (or barrier) the subject switched off are never candidates. */
export function withoutTopicsOff(blocks: ContentBlock[], state: RunState): ContentBlock[] {
  const off = new Set(state.context?.preferences?.preferences.topicsOff ?? []);
  if (!off.size) return blocks;
  return blocks.filter((b) => ![...b.tags.topics, ...b.tags.barriers].some((t) => off.has(t)));
}

/** The subject made an informed choice to stop and has not yet been told the programme stops. */
export const owesAcknowledgement = (state: RunState) =>
  state.context?.preferences?.informedChoice?.acknowledged === false;

/**
 * The one message an informed choice allows: the programme's approved acknowledgement (a support block
 * tagged `informed_choice`), after a greeting when one fits. No persuasion goes with it.
 */
export async function acknowledgementBlocks(
  tools: ContentTools,
  where: { program: string; audience: string; channel: Channel; locale?: string },
): Promise<{ blocks: ContentBlock[]; toolCalls: ToolCallRecord[] }> {
  const args = { ...where, kinds: ['greeting', 'support'] as Array<'greeting' | 'support'> };
  const t0 = performance.now();
  const startedAt = new Date().toISOString();
  const listed = await tools.list.invoke(args);
  const ms = Math.round((performance.now() - t0) * 100) / 100;
  const shortest = (bs: ContentBlock[]) =>
    [...bs].sort((a, b) => a.text.length - b.text.length || a.id.localeCompare(b.id))[0];
  const ack = shortest(listed.filter((b) => b.kind === 'support' && b.tags.topics.includes(INFORMED_CHOICE_TOPIC)));
  const greeting = shortest(listed.filter((b) => b.kind === 'greeting'));
  const blocks = ack ? [greeting, ack].filter((b): b is ContentBlock => b !== undefined) : [];
  const toolCalls = [
    {
      name: 'list_blocks',
      args,
      result: listed.map((b) => ({ id: b.id, kind: b.kind, version: b.version })),
      ms,
      startedAt,
    },
  ];
  return { blocks, toolCalls };
}
