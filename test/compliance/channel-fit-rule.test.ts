import { describe, expect, it } from 'vitest';
import { channelFitRule } from '../../src/compliance/channel-fit-rule.js';
import { CTA, context, GREETING, messageOf, storedBlock } from './fixtures.js';

describe('channel_fit rule', () => {
  it('passes when every block is approved for the channel and the body fits', () => {
    expect(channelFitRule.check(context())).toMatchObject({ rule: 'channel_fit', passed: true });
  });

  it('fails on a block not approved for sms', () => {
    const emailOnly = storedBlock('COST-EMAIL', 'A longer email about savings.', { channels: ['email', 'web'] });
    const result = channelFitRule.check(context({ blocks: [GREETING, emailOnly, CTA] }));
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['COST-EMAIL'] });
    expect(result.detail).toBe('COST-EMAIL is not approved for sms');
  });

  it('fails when the body is over the channel limit from the context', () => {
    const long = storedBlock('LONG', 'Word '.repeat(70).trim());
    const blocks = [GREETING, long, CTA];
    const result = channelFitRule.check(context({ blocks }));
    expect(result).toMatchObject({ passed: false, fixable: true });
    expect(result.detail).toMatch(/^the body is \d+ characters, over the sms limit of 320$/);
    const roomy = context({ blocks, channelLimits: { sms: 1000, push: 240, email: 5000, web: 5000 } });
    expect(channelFitRule.check(roomy).passed).toBe(true);
  });

  it('fails when the message was rendered for another channel', () => {
    const result = channelFitRule.check(context({ message: messageOf([GREETING, CTA], 'push') }));
    expect(result.detail).toContain('the message is for push, not sms');
  });
});
