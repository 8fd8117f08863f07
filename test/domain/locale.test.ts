import { describe, expect, it } from 'vitest';
import { ComposeRequest } from '../../src/domain/compose.js';
import { canonicalLocale, requestLocale } from '../../src/domain/locale.js';

const request = (extra: { subject?: Record<string, unknown>; locale?: string } = {}) =>
  ComposeRequest.safeParse({
    subject: { id: 'pt-1', audience: 'patient', ...extra.subject },
    program: 'lumenzo-adherence',
    ...(extra.locale ? { locale: extra.locale } : {}),
  });

describe('locales', () => {
  it('canonicalises BCP 47 case and refuses what is not a tag', () => {
    expect(canonicalLocale('es-us')).toBe('es-US');
    expect(canonicalLocale('EN-us')).toBe('en-US');
    expect(canonicalLocale('es-419')).toBe('es-419');
    expect(canonicalLocale('e')).toBeUndefined();
  });

  it('reads subject.locale, then the top-level alias, then en-US', () => {
    const parsed = (extra: Parameters<typeof request>[0]) => requestLocale(request(extra).data!);
    expect(parsed({ subject: { locale: 'es-us' } })).toBe('es-US');
    expect(parsed({ locale: 'es-US' })).toBe('es-US');
    expect(parsed({ subject: { locale: 'es-US' }, locale: 'en-US' })).toBe('es-US');
    expect(parsed({})).toBe('en-US');
  });

  it('rejects a subject locale that is not a locale, naming the field', () => {
    const bad = request({ subject: { locale: 'Spanish please' } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(['subject', 'locale']);
  });
});
