/**
 * Dates, for `pii-patterns.ts`. Safe Harbor removes every element of a person's dates
 * except the year, so a full date with a day is `[DATE]`, and a date near a birth word is
 * `[DOB]` even without a year ("birthday 3/4"). A month and year ("March 2025") or a year
 * alone stays; so do ISO date-times, which are event times in signals.
 */
import type { PiiPattern, PiiType } from './pii-types.js';

const MONTH =
  '(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Birth words shortly before the date, or just after it ("3/4 is my birthday"), with no
// clause break or other number between: in "DOB 04/12/1961, seen 03/14/2024" only the
// first date is the birth date.
const BIRTH_BEFORE =
  /(?<![\p{L}\p{N}])(?:dob|d\.o\.b|born|birth\s{0,3}(?:day|date)?|b-?day|bday|date\s{1,6}of\s{1,6}birth|nac[ií]|naci(?:ó|o|miento)|cumplea[ñn]os|f\.?\s?nac)(?![\p{L}\p{N}])[^.!?\n,;\d]{0,30}$/iu;
const BIRTH_AFTER = /^[^.!?\n,;\d]{0,15}(?<![\p{L}\p{N}])(?:birthday|bday|b-day|born|cumplea[ñn]os)(?![\p{L}\p{N}])/iu;

function nearBirthWord(text: string, start: number, end: number): boolean {
  return BIRTH_BEFORE.test(text.slice(Math.max(0, start - 50), start)) || BIRTH_AFTER.test(text.slice(end, end + 25));
}

const validDay = (month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= 31;

/** A valid day-precision date is DOB near a birth word, DATE with a year, else not PII. */
function dateType(valid: boolean, hasYear: boolean, m: RegExpExecArray, text: string): PiiType | null {
  if (!valid) return null;
  const start = m.index;
  if (nearBirthWord(text, start, start + m[0].length)) return 'DOB';
  return hasYear ? 'DATE' : null;
}

function numericParts(m: RegExpExecArray): [number, number] {
  return [Number(m.groups?.a), Number(m.groups?.b)];
}

// Spanish month names ("14 de marzo de 1962", "3 de mayo"): US Spanish speakers write the day first.
const MES =
  '(?<mes>enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre|ene|feb|abr|jun|jul|ago|sept?|oct|nov|dic)';
const MES_INDEX = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];

export const DATE_PATTERNS: PiiPattern[] = [
  {
    // 04/12/1961, 3/4/80, 5-6-1988, 14/03/2024 (day first is accepted too). Dots only with
    // a four-digit year, since "1.2.10" reads as a version or a list number.
    name: 'date-numeric',
    type: 'DATE',
    re: /(?<![\w/.-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\w/-]|\.\d)/dg,
    classify: (m, text) => {
      const [a, b] = numericParts(m);
      const dotted = m.groups?.sep === '.' && m.groups?.y?.length !== 4;
      return dateType(!dotted && (validDay(a, b) || validDay(b, a)), true, m, text);
    },
  },
  {
    // 1961-04-12; a following time makes it an event time, handled as not PII.
    name: 'date-iso',
    type: 'DATE',
    re: /(?<![\w/.-])(?:19|20)\d{2}(?<sep>[/-])(?<a>\d{1,2})\k<sep>(?<b>\d{1,2})(?![\w/:-]|\.\d)/dg,
    classify: (m, text) => dateType(validDay(...numericParts(m)), true, m, text),
  },
  {
    // Month and day without a year: only personal next to a birth word ("bday is 7/19"),
    // otherwise fractions (1/2) and card expiries (08/27) look the same.
    name: 'date-numeric-no-year',
    type: 'DOB',
    re: /(?<![\w/.-])(?<a>\d{1,2})[/-](?<b>\d{1,2})(?![\w/-]|\.\d)/dg,
    classify: (m, text) => {
      const [a, b] = numericParts(m);
      return nearBirthWord(text, m.index, m.index + m[0].length) && validDay(a, b) ? 'DOB' : null;
    },
  },
  {
    // March 3, 1975 / Mar. 3rd 1975 / April 9th, 1949 / born on March 3
    name: 'date-month-first',
    type: 'DATE',
    re: new RegExp(
      `\\b${MONTH}\\.?\\s{1,6}(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s{1,6}(?<y>\\d{4}))?(?![\\d:]|\\s{0,3}(?:am|pm)\\b)`,
      'gid',
    ),
    classify: (m, text) => monthNameDate(m, text),
  },
  {
    // 3 March 1975 / 3rd of March, 1975
    name: 'date-day-first',
    type: 'DATE',
    re: new RegExp(
      `(?<![\\d.])\\b(?<d>\\d{1,2})(?:st|nd|rd|th)?\\s{1,6}(?:of\\s{1,6})?${MONTH}\\b\\.?(?:,?\\s{1,6}(?<y>\\d{4}))?`,
      'gid',
    ),
    classify: (m, text) => monthNameDate(m, text),
  },
  {
    // 14 de marzo de 1962 / 3 de mayo del 80 / 14 marzo 1962
    name: 'date-spanish',
    type: 'DATE',
    re: new RegExp(
      `(?<![\\d.])\\b(?<d>\\d{1,2})\\s{1,6}(?:de\\s{1,6})?${MES}(?![\\p{L}])\\.?(?:,?\\s{1,6}(?:de|del)?\\s{0,6}(?<y>\\d{4}|\\d{2}(?!\\d)))?`,
      'giud',
    ),
    classify: (m, text) => {
      const month = MES_INDEX.indexOf((m.groups?.mes ?? '').slice(0, 3).toLowerCase().replace('set', 'sep')) + 1;
      return dateType(validDay(month, Number(m.groups?.d)), m.groups?.y !== undefined, m, text);
    },
  },
];

function monthNameDate(m: RegExpExecArray, text: string): PiiType | null {
  const month = MONTH_INDEX.indexOf((m.groups?.mon ?? '').slice(0, 3).toLowerCase()) + 1;
  return dateType(validDay(month, Number(m.groups?.d)), m.groups?.y !== undefined, m, text);
}
