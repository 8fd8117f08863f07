import { z } from 'zod';
import type { AssertionContext, BlockInfo, CaseOutcome } from './assertion-types.js';
import { defineAssertion, list, verdict } from './define-assertion.js';
import { traceBlockKinds } from './trace-view.js';

/**
 * The message's blocks as the library describes them. Without the library, the trace's tool results
 * give kinds but not `requiresIsi`, so every claim is taken to need ISI: an eval may over-report a
 * missing ISI, never miss one.
 */
async function messageBlocks(ids: string[], outcome: CaseOutcome, ctx: AssertionContext) {
  if (ctx.blockInfo) {
    const info = await ctx.blockInfo(ids);
    const known = new Set(info.map((b) => b.id));
    const unknown = ids.filter((id) => !known.has(id));
    return unknown.length ? `blocks not in the library: ${list(unknown)}` : info.filter((b) => ids.includes(b.id));
  }
  const kinds = traceBlockKinds(outcome.trace);
  if (!kinds) return 'cannot judge: no block facts from the library and no trace';
  const unknown = ids.filter((id) => !kinds.has(id));
  if (unknown.length) return `the trace gives no kind for ${list(unknown)}`;
  return ids.map((id): BlockInfo => ({ id, kind: kinds.get(id)!, requiresIsi: kinds.get(id) === 'claim' }));
}

/** Every block that requires Important Safety Information travels with an ISI block in the same message. */
export const fairBalance = defineAssertion(z.strictObject({}), async (outcome, _args, ctx) => {
  const ids = outcome.answer.message?.blocks.map((b) => b.id) ?? [];
  if (ids.length === 0) return verdict(true, `no message blocks (status ${outcome.answer.status})`);
  const blocks = await messageBlocks(ids, outcome, ctx);
  if (typeof blocks === 'string') return verdict(false, blocks);
  const claims = blocks.filter((b) => b.requiresIsi).map((b) => b.id);
  const isi = blocks.filter((b) => b.kind === 'isi').map((b) => b.id);
  if (claims.length === 0) return verdict(true, 'no block requires ISI');
  if (isi.length) return verdict(true, `${list(claims)} travel with ISI ${list(isi)}`);
  return verdict(false, `${list(claims)} require ISI but the message has no ISI block`);
});
