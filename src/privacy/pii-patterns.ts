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
// The prefix is never a small word, so "policy in 2024" is not a policy number.
const ID_VALUE =
  '(?:(?!(?:a|an|as|at|by|for|from|in|is|of|on|or|the|to|was)[ -])[A-Za-z]{1,4}[ -])?' +
  '(?=[A-Za-z]*\\d)[A-Za-z0-9]+(?:[ -](?=[A-Za-z]*\\d)[A-Za-z0-9]+)*';
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
      '\\b(?:mrn|medical\\s+record(?:\\s+(?:number|no\\.?|#))?|med\\s*rec|chart\\s*(?:#|no\\.?|number)|' +
        '(?:patient|member|subscriber|insurance|medicaid|medicare|beneficiary|plan)\\s*(?:id|#|no\\.?|number)|' +
        'member|policy\\s*(?:#|no\\.?|number|id)?|account\\s*(?:#|no\\.?|number)|acct\\.?\\s*#?|' +
        'claim\\s*(?:#|no\\.?|number|id)|rx\\s*(?:#|no\\.?|number))' +
        `[\\s:#=.-]*(?:is\\s*[:#]?\\s*)?(?<MRN>${ID_VALUE})`,
      'gid',
    ),
    classify: (m) => (countDigits(m.groups?.MRN ?? '') >= 4 ? 'MRN' : null),
  },
  // Licences, plates, serials, VINs, passports: labelled, often short and mixed letters.
  {
    name: 'labelled-identifier',
    type: 'ID',
    re: new RegExp(
      "\\b(?:driver'?s?\\s+licen[cs]e|licen[cs]e(?:\\s+plate)?|plate|dl|serial|s/n|sn|vin|imei|passport|device\\s+id)" +
        `(?:\\s*(?:number|no\\.?|#|id))?[\\s:#=.-]*(?:is\\s*[:#]?\\s*)?(?<ID>${ID_VALUE})`,
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
    re: /\b(?:ssn|social(?:\s+security)?)(?:\s*(?:number|no\.?|#))?[\s:#]*(?:is\s+)?(?<SSN>\d{3}[\s-]?\d{2}[\s-]?\d{4})(?!\d)/dgi,
  },
  { name: 'email', type: 'EMAIL', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/dg },
  {
    // People spell addresses out to dodge filters: "tina dot m at gmail dot com".
    name: 'email-spelled-out',
    type: 'EMAIL',
    re: /\b[\w+-]+(?:\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*[\w+-]+)*\s*(?:\[at\]|\(at\)|\sat\s)\s*[\w-]+(?:\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*[\w-]+)*\s*(?:\[dot\]|\(dot\)|\sdot\s)\s*(?:com|net|org|edu|gov|us|io|co)\b/dgi,
  },
  {
    // Only URLs that carry something personal: a query, a fragment, a path with digits or
    // a handle, or a social profile. A bare site ("fda.gov/medwatch") is content.
    name: 'url',
    type: 'URL',
    re: /(?:\bhttps?:\/\/|\bwww\.|\b(?:[a-z0-9-]+\.)+(?:com|org|net|gov|edu|io|us|health|info|me|app|co)\/)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]]/dgi,
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
    re: /(?<![\w+-])(?:\+?1[\s.-]*)?(?:\(\s*[2-9]\d{2}\s*\)|[2-9]\d{2})\s*[.-]?\s*\d{3}\s*[.-]?\s*\d{4}(?![\w-])(?:\s*(?:x|ext\.?)\s*\d{1,5})?/dg,
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
    re: /\b(?:(?:9\d|1[01]\d)\s*(?:years?[\s-]old|yrs?[\s-]old|y\/o|yo)\b|(?:age[d:]?|turn(?:ed|ing|s))\s+(?:9\d|1[01]\d)\b)/dgi,
  },
  ...DATE_PATTERNS,
  {
    // Any other run of seven or more digits (joined by hyphens, mixed with letters) is
    // some record or device number; shorter runs are doses, counts and codes.
    name: 'long-identifier',
    type: 'ID',
    re: /(?<![\w.-])(?=[A-Za-z0-9-]*\d)[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\w-]|\.\d)/dg,
    classify: (m) => (countDigits(m[0]) >= 7 ? 'ID' : null),
  },
];

/**
 * Text that looks like PII but is not: ISO-8601 date-times are the times of events in
 * signals (`at`), not birth dates. Spans overlapping these are dropped.
 */
export const NOT_PII_PATTERNS: RegExp[] = [
  /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b/g,
];
