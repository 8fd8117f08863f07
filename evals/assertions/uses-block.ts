import { z } from 'zod';
import { defineAssertion, list, oneOrMany, share, verdict } from './define-assertion.js';

export const BlockIds = oneOrMany(z.string().min(1), 'id', 'ids');

/** Every named block is in the message; the score is the share found. */
export const usesBlock = defineAssertion(BlockIds, (outcome, ids) => {
  const message = outcome.answer.message;
  if (!message) return verdict(false, `no message (status ${outcome.answer.status})`);
  const used = new Set(message.blocks.map((b) => b.id));
  const { score, missing } = share(ids, (id) => used.has(id));
  if (missing.length === 0) return verdict(true, `message uses ${list(ids)}`);
  return verdict(false, `message lacks ${list(missing)}; it uses ${list([...used]) || 'no blocks'}`, score);
});
