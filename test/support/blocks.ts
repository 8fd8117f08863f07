import type { BlockInput } from '../../src/domain/block.js';

/** Approval dates that make a block usable today, expired, or not yet approved. */
export const WINDOW = {
  current: { approvedAt: '2020-01-01', expiresAt: '2099-12-31' },
  expired: { approvedAt: '2020-01-01', expiresAt: '2021-12-31' },
  future: { approvedAt: '2098-01-01', expiresAt: '2099-12-31' },
} as const;

let serial = 0;

/** A valid, usable block with a unique id and program unless overridden; each test builds its own. */
export function block(
  overrides: Omit<Partial<BlockInput>, 'approval'> & { approval?: Partial<BlockInput['approval']> } = {},
) {
  serial += 1;
  const { approval, ...rest } = overrides;
  return {
    id: `T-${process.pid}-${serial}`,
    program: 'test-program',
    brand: 'Testra',
    audience: 'patient',
    channels: ['sms', 'email'],
    kind: 'support',
    requiresIsi: false,
    tags: { barriers: ['cost'], bcts: ['3.1'] },
    text: `Our savings card can lower what you pay for Testra (${serial}).`,
    locale: 'en-US',
    ...rest,
    approval: { code: `TS-${serial}`, ...WINDOW.current, ...approval },
  } satisfies BlockInput;
}

/** A program name no other test uses, so each test's blocks are its own. */
export const uniqueProgram = (name: string) => `${name}-${process.pid}-${++serial}`;
