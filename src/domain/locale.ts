import { z } from 'zod';

/** The contract's default: a subject (or block) that names no locale reads US English. */
export const DEFAULT_LOCALE = 'en-US';

/**
 * A BCP 47 language tag, in its canonical case ("es-us" → "es-US"), so a subject's locale and a
 * block's locale compare as plain strings. A tag the platform cannot canonicalise is not a locale.
 */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/** A locale as requests carry it: any well-formed BCP 47 tag (kept as the client wrote it; compared canonically). */
export const Locale = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'a BCP 47 locale such as en-US or es-US')
  .refine((tag) => canonicalLocale(tag) !== undefined, 'a BCP 47 locale such as en-US or es-US');

/**
 * The locale a compose request is read and written in: `subject.locale` (contract v1.4), else the
 * older top-level `locale`, else en-US — always canonical.
 */
export function requestLocale(req: { subject: { locale?: string }; locale?: string }): string {
  const tag = req.subject.locale ?? req.locale;
  return (tag && canonicalLocale(tag)) || DEFAULT_LOCALE;
}
