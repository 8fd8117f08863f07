import { z } from 'zod';
import { defineAssertion, list, oneOrMany, share, verdict } from './define-assertion.js';

const Code = z.string().regex(/^\d{1,2}\.\d{1,2}$/, 'a BCT code such as 3.1');

/** The strategy names every given behaviour-change technique code; the score is the share found. */
export const techniquesInclude = defineAssertion(oneOrMany(Code, 'code', 'codes'), (outcome, codes) => {
  const chosen = outcome.answer.strategy?.techniques.map((t) => t.code) ?? [];
  const { score, missing } = share(codes, (c) => chosen.includes(c));
  if (missing.length === 0) return verdict(true, `techniques include ${list(codes)}`);
  return verdict(false, `techniques ${list(chosen) || 'none'} lack ${list(missing)}`, score);
});
