import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { READABILITY_SCALES } from '../domain/compose.js';

/**
 * What the text-reading rules know about one language, as data (src/compliance/locales/<locale>.yaml):
 * its readability formula and lay target, its prohibited claim terms and how it negates them. A
 * third locale is a new file, not new code (unless it needs a readability formula not yet written).
 */
const LocaleFile = z.strictObject({
  locale: z.string().regex(/^[a-z]{2,3}-[A-Z]{2}$/, 'a locale such as es-US'),
  readability: z.strictObject({ formula: z.enum(READABILITY_SCALES), layTarget: z.number() }),
  negation: z.string().min(1),
  prohibitedClaims: z
    .array(z.strictObject({ label: z.string().min(1), pattern: z.string().min(1), negatable: z.boolean() }))
    .min(1),
});

type ProhibitedTerm = { label: string; re: RegExp; negatable: boolean };
export type ComplianceLocale = {
  locale: string;
  readability: { formula: (typeof READABILITY_SCALES)[number]; layTarget: number };
  /** Tested on the text just before a term: a match makes a negatable term a disclaimer. */
  negation: RegExp;
  prohibitedClaims: ProhibitedTerm[];
};

const COMPLIANCE_LOCALE_DIR = fileURLToPath(new URL('./locales/', import.meta.url));

// Terms are whole words or phrases in any script: JavaScript's \b only knows ASCII letters, and
// Spanish words begin and end with accented ones ("garantía").
const wholeWord = (pattern: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu');

function compile(file: z.infer<typeof LocaleFile>): ComplianceLocale {
  return {
    locale: file.locale,
    readability: file.readability,
    negation: new RegExp(file.negation, 'iu'),
    prohibitedClaims: file.prohibitedClaims.map((t) => ({
      label: t.label,
      re: wholeWord(t.pattern),
      negatable: t.negatable,
    })),
  };
}

/** Every locale file of a folder, parsed and compiled; a bad file stops start-up naming itself. */
export function loadComplianceLocales(dir = COMPLIANCE_LOCALE_DIR): Map<string, ComplianceLocale> {
  const all = new Map<string, ComplianceLocale>();
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const parsed = LocaleFile.safeParse(parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`compliance locale ${name}: ${parsed.error.issues[0]?.message}`);
    if (`${parsed.data.locale}.yaml` !== name) throw new Error(`compliance locale ${name} names ${parsed.data.locale}`);
    all.set(parsed.data.locale, compile(parsed.data));
  }
  return all;
}

let shipped: Map<string, ComplianceLocale> | undefined;
const shippedLocales = () => {
  shipped ??= loadComplianceLocales();
  return shipped;
};

/**
 * The compliance data for a locale: its own file, else one of the same language (es-MX text is
 * checked with the es-US terms), else none — and then the rules that need it fail closed.
 */
export function complianceLocale(
  locale: string,
  locales: ReadonlyMap<string, ComplianceLocale> = shippedLocales(),
): ComplianceLocale | undefined {
  const wanted = locale.toLowerCase();
  const language = wanted.split('-')[0];
  const keys = [...locales.keys()];
  const key =
    keys.find((k) => k.toLowerCase() === wanted) ?? keys.find((k) => k.toLowerCase().split('-')[0] === language);
  return key === undefined ? undefined : locales.get(key);
}
