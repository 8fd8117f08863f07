/** The placeholder types (`[PHONE]`) and the shape every pattern file shares. */
export const PII_TYPES = [
  'NAME',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'ZIP',
  'DOB',
  'DATE',
  'AGE',
  'SSN',
  'MRN',
  'URL',
  'IP',
  'CARD',
  'ID',
  // Text withheld without being read: a token longer than any identifier, or what was left when
  // the time budget ran out. Unread text may hold anything, so it never passes through.
  'UNSCANNED',
] as const;
export type PiiType = (typeof PII_TYPES)[number];

/**
 * One identifier shape. The regex is global with indices (`d`). If it has capture groups
 * named after a type (`ZIP`, `ADDRESS_city`: the part before `_` is the type), each such
 * group is a span; otherwise the whole match is one span of `type`. `classify` rejects a
 * match (null) or gives its type, using the surrounding text.
 */
export interface PiiPattern {
  name: string;
  type: PiiType;
  re: RegExp;
  classify?: (match: RegExpExecArray, text: string) => PiiType | null;
  /** Whether a typed group of an accepted match is reported; all are when absent. */
  keepGroup?: (group: string, match: RegExpExecArray) => boolean;
}

export interface PiiSpan {
  type: PiiType;
  start: number;
  end: number;
}

/** A span some scanner proposes; `resolve-spans.ts` settles overlaps between them. */
export interface Candidate extends PiiSpan {
  /** Lower wins when two candidates cover the same text. */
  rank: number;
  /** The match the span came from when it gave several spans (else the span): they compete by its length. */
  from: number;
  to: number;
}
