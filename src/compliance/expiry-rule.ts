import type { Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'expiry';

/**
 * Judged on `ctx.today`, not on the stored `usable` flag, so a run checked on a given day
 * gives the same answer whenever it is replayed. ISO dates compare correctly as strings.
 */
export const expiryRule: Rule = {
  name: NAME,
  check({ blocks, today }) {
    const faults = blocks.flatMap((b) => {
      if (b.approval.expiresAt < today) return [{ id: b.id, why: `${b.id} expired on ${b.approval.expiresAt}` }];
      if (b.approval.approvedAt > today) {
        return [{ id: b.id, why: `${b.id} is not approved until ${b.approval.approvedAt}` }];
      }
      return [];
    });
    if (faults.length === 0) return pass(NAME, `all ${plural(blocks.length, 'block')} are within approval on ${today}`);
    return fail(
      NAME,
      faults.map((f) => f.why).join('; '),
      true,
      faults.map((f) => f.id),
    );
  },
};
