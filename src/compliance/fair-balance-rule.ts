import type { StoredBlock } from '../domain/block.js';
import type { Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'fair_balance';

/**
 * A block that makes a product claim (`requiresIsi`) must travel with its programme's
 * Important Safety Information for this channel. On SMS and push the short ISI link block
 * is the approved form, so any `isi` block approved for the channel counts.
 */
export const fairBalanceRule: Rule = {
  name: NAME,
  check({ blocks, isiBlocks, channel }) {
    const claims = blocks.filter((b) => b.requiresIsi);
    if (claims.length === 0) return pass(NAME, 'no block in the message requires Important Safety Information');
    const carriesIsi = (program: string) => (b: StoredBlock) =>
      b.kind === 'isi' && b.program === program && b.channels.includes(channel);
    const unbalanced = claims.filter((c) => !blocks.some(carriesIsi(c.program)));
    if (unbalanced.length === 0) {
      return pass(NAME, `${plural(claims.length, 'claim block')} travel with the ${channel} ISI block`);
    }
    const ids = unbalanced.map((c) => c.id);
    // Without an approved ISI block to add, no revision can fix this: the run must be blocked.
    const fixable = unbalanced.every((c) => isiBlocks.some(carriesIsi(c.program)));
    const detail = `${ids.join(', ')} ${ids.length === 1 ? 'requires' : 'require'} Important Safety Information but the message has no ${channel} ISI block`;
    return fail(NAME, fixable ? detail : `${detail}, and no approved ${channel} ISI block exists to add`, fixable, ids);
  },
};
