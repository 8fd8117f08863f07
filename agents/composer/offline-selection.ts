import { DEFAULT_CHANNEL_LIMITS } from '../../src/compliance/channel-limits.js';
import type { Channel, ContentBlock } from '../../src/domain/block.js';
import type { SelectInput, SelectionEngine } from '../../src/domain/engines.js';
import { renderBody } from './render-body.js';

const MAIN_KINDS = new Set(['support', 'education', 'claim']);
const LONG_CHANNELS = new Set<Channel>(['email', 'web']);

/**
 * Fit of a body block: it must carry one of the planned techniques (the earlier, the better — more
 * tags do not make a block better for this person), then retrieval relevance to the plan and the
 * subject's own words decides between blocks that fit, unless the learner chose one of them.
 */
function fitScore(
  block: ContentBlock,
  techniqueCodes: string[],
  recent: Set<string>,
  relevance: number,
  preferred?: string,
): number {
  const bcts = new Set(block.tags.bcts);
  const carried = techniqueCodes.findIndex((code) => bcts.has(code));
  let score = carried === -1 ? 0 : 3 - carried * 0.5;
  // The learner chose this block among its technique's approved alternatives: it leads unless a rule failed it.
  if (block.id === preferred && carried !== -1) score += 10;
  score += 3 * relevance;
  if (block.kind !== 'claim') score += 0.5; // support and education need no ISI, so they travel lighter
  if (recent.has(block.id)) score -= 2;
  return score;
}

const shortest = (blocks: ContentBlock[]) =>
  [...blocks].sort((a, b) => a.text.length - b.text.length || a.id.localeCompare(b.id));

/**
 * Picks blocks deterministically: greeting, the barrier-matched body block(s), a call to action, and
 * the programme's ISI when a body block requires it. Faulty blocks from the last round are excluded;
 * optional blocks are dropped until the channel's length limit holds.
 */
export function selectBlocks(input: SelectInput): string[] {
  const excluded = new Set(input.faults.flatMap((f) => f.blockIds ?? []));
  // Retrieval already keeps to the subject's locale; a block of another one is never chosen whatever it offers.
  const inLocale = (b: ContentBlock) => input.locale === undefined || b.locale === input.locale;
  const pool = input.candidates.filter((b) => !excluded.has(b.id) && b.channels.includes(input.channel) && inLocale(b));
  const of = (kind: string) => pool.filter((b) => b.kind === kind);
  const recent = new Set(input.recentBlockIds ?? []);
  const codes = input.strategy.techniques.map((t) => t.code);
  const barrier = input.diagnosis.barrier;
  // Search results carry their fused rank score; blocks listed without a query have none.
  const scores = new Map(input.candidates.map((b) => [b.id, b.score ?? 0]));
  const top = Math.max(0, ...scores.values());
  const relevanceOf = (b: ContentBlock) => (top > 0 ? (scores.get(b.id) ?? 0) / top : 0);

  const ranked = pool
    .filter((b) => MAIN_KINDS.has(b.kind) && b.tags.barriers.includes(barrier))
    .map((b) => ({ b, s: fitScore(b, codes, recent, relevanceOf(b), input.preferredBlockId) }))
    .sort((x, y) => y.s - x.s || x.b.text.length - y.b.text.length || x.b.id.localeCompare(y.b.id))
    .map((x) => x.b);
  const body = input.clarify
    ? shortest(of('question')).slice(0, 1)
    : ranked.slice(0, LONG_CHANNELS.has(input.channel) ? 2 : 1);
  if (body.length === 0) return [];

  const greeting = shortest(of('greeting'))[0];
  const ctas = of('cta');
  // A call to action written for another barrier (e.g. "see if you can save") would be off-topic.
  const cta =
    ctas.find((b) => b.tags.barriers.includes(barrier)) ??
    shortest(ctas.filter((b) => b.tags.barriers.length === 0))[0];
  const needsIsi = body.some((b) => b.requiresIsi) || cta?.requiresIsi;
  const isi = needsIsi ? shortest(of('isi').filter((b) => b.program === body[0]!.program))[0] : undefined;

  const limit = DEFAULT_CHANNEL_LIMITS[input.channel];
  const assemble = (parts: Array<ContentBlock | undefined>) => parts.filter((b): b is ContentBlock => b !== undefined);
  const fits = (parts: ContentBlock[]) =>
    renderBody(
      parts.map((b) => b.text),
      input.channel,
    ).length <= limit;
  // Drop optional pieces in order of least value until the message fits the channel.
  const attempts = [
    assemble([greeting, ...body, cta, isi]),
    assemble([greeting, body[0], cta, isi]),
    assemble([body[0], cta, isi]),
    assemble([body[0], isi]),
  ];
  const chosen = attempts.find(fits) ?? attempts[attempts.length - 1]!;
  return chosen.map((b) => b.id);
}

export function createOfflineSelectionEngine(): SelectionEngine {
  return {
    name: 'offline',
    select: async (input) => ({
      blockIds: selectBlocks(input),
      report: { engine: 'offline', toolCalls: [], modelCalls: [] },
    }),
  };
}
