import { randomUUID } from 'node:crypto';

/** Subject fields beyond the contract: every one is personal data that must never leave in telemetry. */
export const PERSONAL_FIELDS = {
  name: 'Marisol Quintanilla-Vega',
  phone: '(415) 555-0134',
  email: 'marisol.qv@example.org',
  dateOfBirth: '1961-03-14',
  ssn: '123-45-6789',
  memberId: 'MBR-88420017',
  address: '2217 Alder Grove Lane, Springfield, IL 62704',
};

/** Free text a person might write, carrying the same values. */
export const PERSONAL_CHAT =
  "Hi, it's Marisol Quintanilla-Vega. The copay is too expensive and I can't afford it. " +
  'Call me on (415) 555-0134 or write to marisol.qv@example.org, member id MBR-88420017.';

/** The pieces a leak could show up as, whole or in part (digits alone, surname alone). */
export const PERSONAL_FRAGMENTS = [
  ...Object.values(PERSONAL_FIELDS),
  'Marisol',
  'Quintanilla',
  '555-0134',
  '4155550134',
  'marisol.qv',
  '123456789',
  '88420017',
  'Alder Grove',
  '62704',
];

export const pseudonymousId = () => `pt-${randomUUID().slice(0, 8)}`;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The values found in `text`, matched case-insensitively and only as whole tokens, so a 5-digit ZIP is
 * not "found" inside a hex span id or a nanosecond timestamp.
 */
export function leakedValues(text: string, values: string[]): string[] {
  return values.filter((v) => new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(v)}(?![A-Za-z0-9])`, 'i').test(text));
}
