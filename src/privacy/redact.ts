/**
 * Redaction before anything is written or logged (traces, logs, review notes).
 * Free text keeps its meaning with typed placeholders ("[PHONE]"), so a reviewer can still
 * read what happened; fields that are personal by name lose their whole value.
 */
import { createPiiFinder, type PiiOptions } from './find-pii.js';

export interface Redactor {
  /** The text with each piece of personal data replaced by `[TYPE]`. */
  text(s: string): string;
  /** A redacted deep copy of a JSON-like value; the input is left untouched. */
  value<T>(v: T): T;
}

const REDACTED = '[REDACTED]';

// Compared lower-cased with separators removed, so `first_name` and `FirstName` both count.
const PERSONAL_KEYS = new Set([
  'name',
  'firstname',
  'lastname',
  'email',
  'phone',
  'dob',
  'dateofbirth',
  'address',
  'ssn',
  'mrn',
  'memberid',
  'zip',
  'postalcode',
]);

const isPersonalKey = (key: string) => PERSONAL_KEYS.has(key.toLowerCase().replace(/[_\s-]/g, ''));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function createRedactor(opts: PiiOptions = {}): Redactor {
  const find = createPiiFinder(opts);

  // Redaction is a pure function of the text: values that repeat (page names, topics, answers chosen from
  // a list) are scanned once per redactor. Bounded, so a long-lived redactor never grows without end.
  const seen = new Map<string, string>();
  const text = (s: string): string => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    if (seen.size >= 10_000) seen.clear();
    const out = scan(s);
    seen.set(s, out);
    return out;
  };

  const scan = (s: string): string => {
    let out = '';
    let last = 0;
    for (const span of find(s)) {
      out += `${s.slice(last, span.start)}[${span.type}]`;
      last = span.end;
    }
    return out + s.slice(last);
  };

  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    // A null under a personal key holds nothing to hide and keeps the shape honest.
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, isPersonalKey(k) && x != null ? REDACTED : walk(x)]),
    );
  };

  return { text, value: <T>(v: T) => walk(v) as T };
}
