import { defineAssertion, list, share, verdict } from './define-assertion.js';
import { BlockIds } from './uses-block.js';

/** No named block is in the message; nothing sent uses nothing. The score is the share kept out. */
export const neverUsesBlock = defineAssertion(BlockIds, (outcome, ids) => {
  const used = new Set(outcome.answer.message?.blocks.map((b) => b.id) ?? []);
  const { score, missing: present } = share(ids, (id) => !used.has(id));
  if (present.length === 0) return verdict(true, `message uses none of ${list(ids)}`);
  return verdict(false, `message uses ${list(present)}`, score);
});
