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
}
