import { describe, expect, it } from 'vitest';
import { approvedContentRule } from '../../src/compliance/approved-content-rule.js';
import { CTA, context, GREETING, messageOf, SUPPORT } from './fixtures.js';

const check = (body: string, blocks = [GREETING, SUPPORT, CTA]) =>
  approvedContentRule.check(context({ blocks, message: { ...messageOf(blocks), body } }));

describe('approved_content rule', () => {
  it('passes when the body is the listed blocks joined by spaces or line breaks', () => {
    expect(check(`${GREETING.text} ${SUPPORT.text} ${CTA.text}`).passed).toBe(true);
    expect(check(`${GREETING.text}\n\n${SUPPORT.text}\r\n${CTA.text}`).passed).toBe(true);
  });

  it('fails on one extra word that is not from any block', () => {
    const result = check(`${GREETING.text} Maria, ${SUPPORT.text} ${CTA.text}`);
    expect(result).toMatchObject({ passed: false, fixable: true, blockIds: ['COST-SMS'] });
    expect(result.detail).toBe('COST-SMS is preceded by 7 characters that are not approved text');
    expect(result.detail).not.toContain('Maria');
  });

  it('fails on an altered block, text before the first block, or text after the last', () => {
    expect(check(`${GREETING.text} ${SUPPORT.text.replace('may', 'will')} ${CTA.text}`).detail).toBe(
      'COST-SMS is missing or altered in the body',
    );
    expect(check(`Hello! ${GREETING.text} ${SUPPORT.text} ${CTA.text}`).passed).toBe(false);
    expect(check(`${GREETING.text} ${SUPPORT.text} ${CTA.text} Thanks`).detail).toBe(
      '7 characters after the last block are not approved text',
    );
  });

  it('fails when a listed block is left out, blocks are run together, or the order differs', () => {
    expect(check(`${GREETING.text} ${CTA.text}`).passed).toBe(false);
    expect(check(`${GREETING.text}${SUPPORT.text} ${CTA.text}`).detail).toBe(
      'COST-SMS is not separated from the block before it',
    );
    expect(check(`${SUPPORT.text} ${GREETING.text} ${CTA.text}`).passed).toBe(false);
  });

  it('fails on a block the store does not hold, or an approval code that differs', () => {
    const unknown = approvedContentRule.check(
      context({ message: { ...messageOf([GREETING]), blocks: [{ id: 'NOPE', approvalCode: 'X' }] } }),
    );
    expect(unknown).toMatchObject({ passed: false, blockIds: ['NOPE'] });
    const message = messageOf([GREETING, SUPPORT, CTA]);
    message.blocks[0] = { id: GREETING.id, approvalCode: 'AP-OLD' };
    const stale = approvedContentRule.check(context({ message }));
    expect(stale).toMatchObject({ passed: false, fixable: true, blockIds: ['GREET-SMS'] });
    expect(stale.detail).toContain('approval code of GREET-SMS differs');
  });

  it('fails when the message lists no blocks at all', () => {
    const result = approvedContentRule.check(context({ message: { ...messageOf([]), body: 'Hello' } }));
    expect(result).toMatchObject({ passed: false, detail: 'the message lists no approved blocks' });
  });
});
