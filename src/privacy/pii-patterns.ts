/**
 * The regular expressions behind `findPii`, one per identifier shape (HIPAA Safe Harbor),
 * in the order that breaks ties between equally long matches. Addresses and dates have
 * their own files; names need cue words and token walking, see `name-cues.ts`.
 */
import { ADDRESS_PATTERNS } from './address-patterns.js';
import { DATE_PATTERNS } from './date-patterns.js';
import type { PiiPattern } from './pii-types.js';

// An identifier value after a label: optional letter prefix ("MBR ", "WX-"), then groups
// that each contain a digit, so the words after the value are not swallowed.
// The prefix is never a small word, so "policy in 2024" is not a policy number. Bounded: no
// record number has more than a few groups of a few dozen characters.
const ID_VALUE =
  '(?:(?!(?:a|an|as|at|by|for|from|in|is|of|on|or|the|to|was)[ -])[A-Za-z]{1,4}[ -])?' +
  '(?=[A-Za-z]{0,32}\\d)[A-Za-z0-9]{1,32}(?:[ -](?=[A-Za-z]{0,32}\\d)[A-Za-z0-9]{1,32}){0,6}';
const countDigits = (s: string) => s.replace(/\D/g, '').length;

/** Luhn checksum: tells a card number from any other long run of digits. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

export const PII_PATTERNS: PiiPattern[] = [
  // Labelled record numbers: the label makes even short values identifying.
  {
    name: 'labelled-record-number',
    type: 'MRN',
    re: new RegExp(
      '\\b(?:mrn|medical\\s{1,6}record(?:\\s{1,6}(?:number|no\\.?|#))?|med\\s{0,3}rec|chart\\s{0,3}(?:#|no\\.?|number)|' +
        '(?:patient|member|subscriber|insurance|medicaid|medicare|beneficiary|plan)\\s{0,3}(?:id|#|no\\.?|number)|' +
        'member|policy\\s{0,3}(?:#|no\\.?|number|id)?|account\\s{0,3}(?:#|no\\.?|number)|acct\\.?\\s{0,3}#?|' +
        'claim\\s{0,3}(?:#|no\\.?|number|id)|rx\\s{0,3}(?:#|no\\.?|number))' +
        `[\\s:#=.-]{0,6}(?:is\\s{0,3}[:#]?\\s{0,3})?(?<MRN>${ID_VALUE})`,
      'gid',
    ),
    classify: (m) => (countDigits(m.groups?.MRN ?? '') >= 4 ? 'MRN' : null),
  },
  // Licences, plates, serials, VINs, passports: labelled, often short and mixed letters.
  {
    name: 'labelled-identifier',
    type: 'ID',
    re: new RegExp(
      "\\b(?:driver'?s?\\s{1,6}licen[cs]e|licen[cs]e(?:\\s{1,6}plate)?|plate|dl|serial|s/n|sn|vin|imei|passport|device\\s{1,6}id)" +
        `(?:\\s{0,3}(?:number|no\\.?|#|id))?[\\s:#=.-]{0,6}(?:is\\s{0,3}[:#]?\\s{0,3})?(?<ID>${ID_VALUE})`,
      'gid',
    ),
    classify: (m) => {
      const v = m.groups?.ID ?? '';
      return countDigits(v) >= 2 && v.length >= 5 ? 'ID' : null;
    },
  },
  { name: 'ssn-dashed', type: 'SSN', re: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/dg },
  {
    // Spaced or run-together SSNs only with a label: nine bare digits could be anything.
    name: 'ssn-labelled',
    type: 'SSN',
    re: /\b(?:ssn|social(?:\s{1,6}security)?)(?:\s{0,3}(?:number|no\.?|#))?[\s:#]{0,6}(?:is\s{1,6})?(?<SSN>\d{3}[\s-]?\d{2}[\s-]?\d{4})(?!\d)/dgi,
  },
  {
    // RFC 5321 lengths: a local part of at most 64 characters, labels of at most 63. Only the
    // start of a run can start an address, so a long run is read once, not from every character.
    name: 'email',
    type: 'EMAIL',
    re: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/dg,
  },
  {
    // People spell addresses out to dodge filters: "tina dot m at gmail dot com".
    name: 'email-spelled-out',
    type: 'EMAIL',
    re: /(?<![\w+-])[\w+-]{1,64}(?:\s{0,3}(?:\[dot\]|\(dot\)|\sdot\s)\s{0,3}[\w+-]{1,64}){0,4}\s{0,3}(?:\[at\]|\(at\)|\sat\s)\s{0,3}[\w-]{1,63}(?:\s{0,3}(?:\[dot\]|\(dot\)|\sdot\s)\s{0,3}[\w-]{1,63}){0,4}\s{0,3}(?:\[dot\]|\(dot\)|\sdot\s)\s{0,3}(?:com|net|org|edu|gov|us|io|co)\b/dgi,
  },
  {
    // Only URLs that carry something personal: a query, a fragment, a path with digits or
    // a handle, or a social profile. A bare site ("fda.gov/medwatch") is content.
    name: 'url',
    type: 'URL',
    // A bare domain starts only where a token does, with at most eight labels; the rest of the
    // token is bounded by the token cap (`scan-limits.ts`).
    re: /(?:\bhttps?:\/\/|\bwww\.|(?<![a-z0-9.-])(?:[a-z0-9-]{1,63}\.){1,8}(?:com|org|net|gov|edu|io|us|health|info|me|app|co)\/)[^\s<>"'`]{0,2048}[^\s<>"'`.,;:!?)\]]/dgi,
    classify: (m) => {
      const url = m[0];
      const rest = url.replace(/^(?:https?:\/\/)?[^/?#]+/i, '');
      if (/[?#=@~]|\/[^/]*\d/.test(rest)) return 'URL';
      return /(?:facebook|instagram|twitter|x|linkedin|tiktok)\.com\/./i.test(url) ? 'URL' : null;
    },
  },
  {
    name: 'ipv4',
    type: 'IP',
    re: /(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\.?\d)/dg,
  },
  {
    // Full or "::"-compressed; clock times ("08:30:00") have neither eight groups nor "::".
    name: 'ipv6',
    type: 'IP',
    re: /(?<![\w:])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,5})?)(?![\w:])/dgi,
  },
  // Grouped like a card (4-4-4-4, Amex 4-6-5): a card whether or not the checksum holds.
  {
    name: 'card-grouped',
    type: 'CARD',
    re: /(?<![\d-])(?:\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{5})(?![\d-])/dg,
  },
  {
    name: 'card-run',
    type: 'CARD',
    re: /(?<![\w-])\d{13,19}(?![\w-])/dg,
    classify: (m) => (luhn(m[0]) ? 'CARD' : null),
  },
  {
    // US numbers in every common shape, toll-free included: a programme's own number
    // survives only through the allow list.
    name: 'phone',
    type: 'PHONE',
    re: /(?<![\w+-])(?:\+?1[\s.-]{0,3})?(?:\(\s{0,3}[2-9]\d{2}\s{0,3}\)|[2-9]\d{2})\s{0,3}[.-]?\s{0,3}\d{3}\s{0,3}[.-]?\s{0,3}\d{4}(?![\w-])(?:\s{0,3}(?:x|ext\.?)\s{0,3}\d{1,5})?/dg,
  },
  {
    // Seven-digit local numbers are too close to other numbers to take without a cue.
    name: 'phone-local',
    type: 'PHONE',
    re: /\b(?:call|text|phone|cell|tel|mobile|fax|number|reach)\b[^\d\n]{0,25}(?<PHONE>(?<![\d-])\d{3}[-.]\d{4})(?![\d-])/dgi,
  },
  ...ADDRESS_PATTERNS,
  {
    // Safe Harbor: ages over 89 are identifying; younger ages are not.
    name: 'age-over-89',
    type: 'AGE',
    // Only with an age word: "is 96" alone could as well be a pulse or a glucose reading.
    re: /\b(?:(?:9\d|1[01]\d)\s{0,3}(?:years?[\s-]old|yrs?[\s-]old|y\/o|yo)\b|(?:age[d:]?|turn(?:ed|ing|s))\s{1,6}(?:9\d|1[01]\d)\b)/dgi,
  },
  ...DATE_PATTERNS,
  {
    // Any other run of seven or more digits (joined by hyphens, mixed with letters) is
    // some record or device number; shorter runs are doses, counts and codes.
    name: 'long-identifier',
    type: 'ID',
    re: /(?<![\w.-])(?=[A-Za-z0-9-]{0,2048}\d)[A-Za-z0-9]{1,2048}(?:-[A-Za-z0-9]{1,2048}){0,1024}(?![\w-]|\.\d)/dg,
    classify: (m) => (countDigits(m[0]) >= 7 ? 'ID' : null),
  },
];

/**
 * Text that looks like PII but is not: ISO-8601 date-times are the times of events in
 * signals (`at`), not birth dates. Spans overlapping these are dropped.
 */
export const NOT_PII_PATTERNS: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g,
];
