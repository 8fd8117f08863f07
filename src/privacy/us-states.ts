/**
 * US states (and DC) as regular-expression sources, for the address patterns. Safe Harbor keeps
 * the state; what these are for is knowing where a city ends and a state begins.
 */

/** Two-letter codes, upper case in the source: lower-case "in", "or", "me", "oh" are also words. */
export const STATE_CODE =
  '(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])';

const NAMES = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'District of Columbia',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'Washington',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
];

/** Full names, longest first so "West Virginia" is not read as "Virginia" after a city "West". */
export const STATE_NAME = `(?:${[...NAMES]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/ /g, '\\s{1,3}'))
  .join('|')})`;

const CODES = new RegExp(`^${STATE_CODE}$`);

/** A state as typed: a full name in any case, or a code in capitals. */
export const isStateAsTyped = (s: string) => CODES.test(s) || new RegExp(`^${STATE_NAME}$`, 'i').test(s);
