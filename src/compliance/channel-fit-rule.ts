import type { Rule } from '../domain/compliance.js';
import { fail, pass } from './rule-result.js';

const NAME = 'channel_fit';

/**
 * Each block is approved per channel (an SMS block is worded for SMS), and the body must fit
 * the channel's length limit. Length counts code points of the NFC form, so an emoji is one
 * character and so is an accented letter however it was typed ("é" composed or e + accent).
 */
export const channelFitRule: Rule = {
  name: NAME,
  check({ blocks, channel, channelLimits, message }) {
    const problems: string[] = [];
    if (message.channel !== channel) problems.push(`the message is for ${message.channel}, not ${channel}`);
    const misfits = blocks.filter((b) => !b.channels.includes(channel)).map((b) => b.id);
    if (misfits.length)
      problems.push(`${misfits.join(', ')} ${misfits.length === 1 ? 'is' : 'are'} not approved for ${channel}`);
    const length = [...message.body.normalize('NFC')].length;
    const limit = channelLimits[channel];
    if (length > limit) problems.push(`the body is ${length} characters, over the ${channel} limit of ${limit}`);
    if (problems.length === 0) return pass(NAME, `all blocks fit ${channel}; ${length} of ${limit} characters`);
    return fail(NAME, problems.join('; '), true, misfits);
  },
};
