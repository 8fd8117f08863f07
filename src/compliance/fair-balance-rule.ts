import type { Channel, StoredBlock } from '../domain/block.js';
import type { Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'fair_balance';

/**
 * A block that makes a product claim (`requiresIsi`) must travel with its programme's
 * Important Safety Information for this channel, in the claim's language: a Spanish claim is
 * balanced only by the Spanish ISI its reader can read. On SMS and push the short ISI link block
 * is the approved form, so any `isi` block approved for the channel counts.
 */
const carriesIsi = (claim: StoredBlock, channel: Channel) => (b: StoredBlock) =>
  b.kind === 'isi' && b.program === claim.program && b.locale === claim.locale && b.channels.includes(channel);

/** The message's claim blocks that travel without their ISI block for the channel. */
const unbalancedClaims = (blocks: StoredBlock[], channel: Channel) =>
  blocks.filter((c) => c.requiresIsi && !blocks.some(carriesIsi(c, channel)));

/**
 * Whether the rule will read the programme's ISI blocks (`isiBlocks`): only when a claim travels without its
 * ISI, to tell a fixable message from one no revision can balance. A caller may skip reading them otherwise.
 */
export const needsIsiBlocks = (blocks: StoredBlock[], channel: Channel) => unbalancedClaims(blocks, channel).length > 0;

export const fairBalanceRule: Rule = {
  name: NAME,
  check({ blocks, isiBlocks, channel }) {
    const claims = blocks.filter((b) => b.requiresIsi);
    if (claims.length === 0) return pass(NAME, 'no block in the message requires Important Safety Information');
    const unbalanced = unbalancedClaims(blocks, channel);
    if (unbalanced.length === 0) {
      return pass(NAME, `${plural(claims.length, 'claim block')} travel with the ${channel} ISI block`);
    }
    const ids = unbalanced.map((c) => c.id);
    // Without an approved ISI block to add, no revision can fix this: the run must be blocked.
    const fixable = unbalanced.every((c) => isiBlocks.some(carriesIsi(c, channel)));
    const detail = `${ids.join(', ')} ${ids.length === 1 ? 'requires' : 'require'} Important Safety Information but the message has no ${channel} ISI block`;
    return fail(NAME, fixable ? detail : `${detail}, and no approved ${channel} ISI block exists to add`, fixable, ids);
  },
};
