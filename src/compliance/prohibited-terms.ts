import { type ComplianceLocale, complianceLocale } from './compliance-locales.js';

/**
 * Claim language that promotional review never allows in patient or HCP messages, per locale
 * (the lists and the reasons are in src/compliance/locales/<locale>.yaml). `negatable` terms are
 * fine after a negation in the same language ("there is no cure", "no hay cura").
 */

/** The labels of the prohibited terms that `text` uses as claims, read with one locale's list. */
export function prohibitedTermsWith(data: ComplianceLocale, text: string): string[] {
  const normalised = text.normalize('NFC');
  return data.prohibitedClaims
    .filter((t) =>
      [...normalised.matchAll(t.re)].some(
        (m) => !(t.negatable && data.negation.test(normalised.slice(Math.max(0, m.index - 40), m.index))),
      ),
    )
    .map((t) => t.label);
}

/**
 * The labels of the prohibited terms `text` uses, read in `locale` (default en-US); undefined when
 * no list exists for that locale's language, which callers must treat as "cannot tell".
 */
export function prohibitedTermsIn(text: string, locale = 'en-US'): string[] | undefined {
  const data = complianceLocale(locale);
  return data ? prohibitedTermsWith(data, text) : undefined;
}
