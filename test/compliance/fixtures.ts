import { DEFAULT_CHANNEL_LIMITS } from '../../src/compliance/channel-limits.js';
import type { Block, StoredBlock } from '../../src/domain/block.js';
import type { ComplianceContext } from '../../src/domain/compliance.js';
import type { Message } from '../../src/domain/compose.js';

export const PROGRAM = 'demo-adherence';
export const TODAY = '2026-11-20';
export const SUPPORT_PHONE = '1-800-555-0142';

type BlockOverrides = Partial<Omit<StoredBlock, 'approval'>> & { approval?: Partial<Block['approval']> };

/** A usable patient SMS block of the demo programme unless overridden. */
export function storedBlock(id: string, text: string, overrides: BlockOverrides = {}): StoredBlock {
  const { approval, ...rest } = overrides;
  return {
    id,
    program: PROGRAM,
    audience: 'patient',
    channels: ['sms'],
    kind: 'support',
    requiresIsi: false,
    tags: { barriers: [], bcts: [], topics: [] },
    text,
    locale: 'en-US',
    version: 1,
    usable: true,
    ...rest,
    approval: { code: `AP-${id}`, approvedAt: '2026-01-12', expiresAt: '2027-12-31', ...approval },
  };
}

export const GREETING = storedBlock('GREET-SMS', 'Hi from the Demo Support Program.', { kind: 'greeting' });
export const SUPPORT = storedBlock('COST-SMS', 'Our savings card may lower what you pay for your refill.');
export const CTA = storedBlock('CTA-SMS', `Call ${SUPPORT_PHONE} to talk with a nurse. Reply STOP to opt out.`, {
  kind: 'cta',
});
export const CLAIM = storedBlock('CLAIM-SMS', 'In studies, about 7 in 10 adults had clear skin at week 16.', {
  kind: 'claim',
  requiresIsi: true,
  channels: ['sms', 'push'],
});
export const ISI_LINK = storedBlock('ISI-SMS', 'Important Safety Info: demo-support.example.com/isi.', {
  kind: 'isi',
  channels: ['sms', 'push'],
});
export const ISI_EMAIL = storedBlock('ISI-EMAIL', 'Important Safety Information: tell your doctor about infections.', {
  kind: 'isi',
  channels: ['email'],
});

/** The message the composer would render from these blocks: texts joined by one space. */
export function messageOf(blocks: StoredBlock[], channel: Message['channel'] = 'sms'): Message {
  return {
    channel,
    subject: null,
    body: blocks.map((b) => b.text).join(' '),
    blocks: blocks.map((b) => ({ id: b.id, approvalCode: b.approval.code })),
  };
}

/** A context in which every rule passes; each test changes the one thing it is about. */
export function context(overrides: Partial<ComplianceContext> = {}): ComplianceContext {
  const blocks = overrides.blocks ?? [GREETING, SUPPORT, CTA];
  return {
    program: PROGRAM,
    audience: 'patient',
    locale: 'en-US',
    channel: 'sms',
    consents: { sms: true, email: true, push: false, web: true },
    signals: [{ type: 'refill_missed', at: '2026-11-19T10:00:00Z', data: { daysLate: 9 } }],
    message: messageOf(blocks),
    isiBlocks: [ISI_LINK],
    today: TODAY,
    frequency: { sentInWindow: 0, cap: 3, windowDays: 7 },
    personalValues: ['Maria Gonzalez', '555-867-5309'],
    channelLimits: { ...DEFAULT_CHANNEL_LIMITS },
    ...overrides,
    blocks,
  };
}
