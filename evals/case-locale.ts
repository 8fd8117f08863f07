import { requestLocale } from '../src/domain/locale.js';

/**
 * The locale a case's request asks for (`subject.locale`, the top-level alias, else en-US), read from
 * the case itself so an assertion judges the answer against what was asked, not what the answer says.
 */
export function caseLocale(request: unknown): string {
  const r = (request ?? {}) as { subject?: { locale?: unknown }; locale?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return requestLocale({ subject: { locale: text(r.subject?.locale) }, locale: text(r.locale) });
}
