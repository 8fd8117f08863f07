import type { Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'audience';

/** Content is approved for one programme and one audience; both must match the request exactly. */
export const audienceRule: Rule = {
  name: NAME,
  check({ blocks, program, audience }) {
    const faults = blocks.flatMap((b) => {
      const why = [
        b.program !== program ? `programme ${b.program}` : '',
        b.audience !== audience ? `audience ${b.audience}` : '',
      ].filter(Boolean);
      return why.length ? [{ id: b.id, why: `${b.id} is for ${why.join(' and ')}` }] : [];
    });
    if (faults.length === 0) {
      return pass(NAME, `all ${plural(blocks.length, 'block')} are for ${program} / ${audience}`);
    }
    return fail(
      NAME,
      `${faults.map((f) => f.why).join('; ')}; the request is ${program} / ${audience}`,
      true,
      faults.map((f) => f.id),
    );
  },
};
