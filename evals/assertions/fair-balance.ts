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

/**
 * Every block that requires Important Safety Information travels with an ISI block in the same message,
 * in the claim's language where the library says which (a Spanish claim needs the Spanish ISI).
 */
export const fairBalance = defineAssertion(z.strictObject({}), async (outcome, _args, ctx) => {
  const ids = outcome.answer.message?.blocks.map((b) => b.id) ?? [];
  if (ids.length === 0) return verdict(true, `no message blocks (status ${outcome.answer.status})`);
  const blocks = await messageBlocks(ids, outcome, ctx);
  if (typeof blocks === 'string') return verdict(false, blocks);
  const claims = blocks.filter((b) => b.requiresIsi);
  const isiFor = (claim: BlockInfo) => blocks.filter((b) => b.kind === 'isi' && b.locale === claim.locale);
  if (claims.length === 0) return verdict(true, 'no block requires ISI');
  const unbalanced = claims.filter((c) => isiFor(c).length === 0).map((c) => c.id);
  const isi = [...new Set(claims.flatMap((c) => isiFor(c).map((b) => b.id)))];
  if (unbalanced.length === 0) return verdict(true, `${list(claims.map((c) => c.id))} travel with ISI ${list(isi)}`);
  return verdict(false, `${list(unbalanced)} require ISI but the message has no ISI block`);
});
