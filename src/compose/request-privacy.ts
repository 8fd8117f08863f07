import type { ComposeRequest } from '../domain/compose.js';
import { freeTexts } from '../domain/free-text.js';
import { requestLocale } from '../domain/locale.js';
import { createPiiFinder } from '../privacy/find-pii.js';
import type { Redactor } from '../privacy/redact.js';

/** Contract fields of the subject: the locale says which language they read, which identifies nobody. */
const SUBJECT_CONTRACT_FIELDS = new Set(['id', 'audience', 'consents', 'timezone', 'preferences', 'locale']);

function scalars(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(scalars);
  if (v && typeof v === 'object') return Object.values(v).flatMap(scalars);
  return [];
}

/**
 * The request's personal values: anything the subject carries beyond the contract's fields (a name,
 * a phone), the subject id itself, and identifiers found in free text. Used to redact and to check
 * that no message repeats them. `contentTerms` (brands, programmes) are never taken for personal data.
 */
export function personalValues(req: ComposeRequest, contentTerms: string[] = []): string[] {
  const extra = Object.entries(req.subject)
    .filter(([k]) => !SUBJECT_CONTRACT_FIELDS.has(k))
    .flatMap(([, v]) => scalars(v));
  // A name is personal in parts too: "Annelise here" names the subject called Annelise Vandermeer.
  const nameParts = Object.entries(req.subject)
    .filter(([k]) => /name/i.test(k))
    .flatMap(([, v]) => scalars(v))
    .flatMap((v) => v.split(/\s+/))
    .filter((part) => /^\p{L}[\p{L}'’-]{2,}$/u.test(part));
  // Brand and programme names are content, not people: "tell the patient Lumenzo…" names a drug.
  const find = createPiiFinder({ allow: contentTerms.filter((t) => t.length >= 2) });
  const found = freeTexts(req.signals).flatMap(({ text }) => find(text).map((s) => text.slice(s.start, s.end)));
  return [
    ...new Set([req.subject.id, ...extra, ...nameParts, ...found].map((v) => v.trim()).filter((v) => v.length >= 2)),
  ];
}

/**
 * The request as the graph (and so every checkpoint and trace) sees it: contract fields, redacted
 * text, and the locale settled in one place (`subject.locale`, canonical, en-US by default).
 */
export function redactRequest(req: ComposeRequest, redactor: Redactor): ComposeRequest {
  return {
    subject: {
      id: req.subject.id,
      audience: req.subject.audience,
      consents: req.subject.consents,
      ...(req.subject.timezone ? { timezone: req.subject.timezone } : {}),
      // An informed choice may be written in the subject's own words: the graph sees it redacted.
      ...(req.subject.preferences ? { preferences: redactor.value(req.subject.preferences) } : {}),
      locale: requestLocale(req),
    },
    program: req.program,
    channel: req.channel,
    signals: redactor.value(req.signals),
  };
}
