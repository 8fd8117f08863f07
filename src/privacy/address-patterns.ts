/**
 * Street addresses, PO boxes, cities and ZIP codes, for `pii-patterns.ts`. Safe Harbor
 * removes every geographic unit smaller than a state, so the state itself stays.
 */
import type { PiiPattern } from './pii-types.js';

// US state abbreviations, upper case only (lower-case "in", "or", "me", "oh" are words),
// except after a street address, whose case-insensitive pattern accepts "chicago il 60618".
const STATE =
  '(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AIT]|W[AIVY])';
const ZIP = '\\d{5}(?:-\\d{4})?';

// Full street-type words that are also ordinary words ("a 45 minute drive", "2 pills way
// too late") only count when capitalised; "St", "Ave", "Blvd" are unambiguous.
// USPS suffixes that are ordinary words too ("Crossing", "Ridge", "Hollow") are in the same list.
const AMBIGUOUS_SUFFIX =
  /^(?:road|lane|drive|dr|court|place|way|circle|terrace|trail|square|loop|row|path|pike|alley|crossing|ridge|hollow|point|bend|cove|crescent|landing|commons|heights|grove|glen|run|walk|plaza)$/;
const STREET_SUFFIX =
  'street|st|avenue|ave|av|boulevard|blvd|highway|hwy|parkway|pkwy|ln|rd|ct|pl|cir|ter|trl|sq|xing|hts|' +
  'road|lane|drive|dr|court|place|way|circle|terrace|trail|square|loop|row|path|pike|alley|' +
  'crossing|ridge|hollow|point|bend|cove|crescent|landing|commons|heights|grove|glen|run|walk|plaza';
const DIRECTION = '(?:north|south|east|west|[NS][EW]|[NSEW])\\.?';
const STREET_WORD =
  "(?!(?:of|and|or|on|in|at|to|for|from|with|my|the|a|is|was|we|i|it)\\b)(?:[A-Za-z][A-Za-z'.-]{0,30}|\\d{1,4}(?:st|nd|rd|th))";
// The suffix's own full stop ("Ave.") is left in the text unless a unit or city follows,
// so a sentence-ending period survives.
const UNIT =
  '(?:[.,]?\\s{0,3}(?:apt|apartment|unit|suite|ste|fl|floor|rm|room)\\.?\\s{0,3}#?\\s{0,3}[A-Za-z0-9-]{1,10}|\\s{0,3}#\\s{0,3}[A-Za-z0-9-]{1,10})';
const CITY = "[A-Za-z][A-Za-z.'-]{0,30}(?:\\s{1,6}[A-Za-z][A-Za-z.'-]{0,30}){0,2}";

export const ADDRESS_PATTERNS: PiiPattern[] = [
  {
    name: 'street-address',
    type: 'ADDRESS',
    re: new RegExp(
      `\\b(?<ADDRESS>\\d{1,6}[A-Za-z]?\\s{1,6}(?:${DIRECTION}\\s{1,6})?(?:${STREET_WORD}\\s{1,6}){0,3}` +
        `(?<suffix>${STREET_SUFFIX})\\b(?:\\s{1,6}${DIRECTION}(?!\\w))?${UNIT}?)` +
        `(?:[.,]?\\s{1,6}(?<ADDRESS_city>${CITY}),?\\s{1,6}${STATE},?\\s{1,6}(?<ZIP>${ZIP})(?![\\d-]))?`,
      'gid',
    ),
    classify: (m) => {
      const suffix = m.groups?.suffix ?? '';
      return AMBIGUOUS_SUFFIX.test(suffix) && suffix[0] === suffix[0]?.toLowerCase() ? null : 'ADDRESS';
    },
  },
  { name: 'po-box', type: 'ADDRESS', re: /\b(?:p\.?\s?o\.?|post\s{1,6}office)\s{0,3}box\s{0,3}#?\s{0,3}\d{1,10}/dgi },
  {
    // "Springfield, IL 62704": the city is a geographic unit smaller than a state.
    name: 'city-state-zip',
    type: 'ZIP',
    re: new RegExp(
      `\\b(?<ADDRESS>[A-Z][a-z]{1,30}(?:[ .]{1,3}[A-Z][a-z]{1,30}){0,2}),?\\s{1,6}${STATE}\\s{1,6}(?<ZIP>${ZIP})(?![\\d-])`,
      'dg',
    ),
  },
  { name: 'zip-after-state', type: 'ZIP', re: new RegExp(`\\b${STATE}\\.?,?\\s{1,6}(?<ZIP>${ZIP})(?![\\d-])`, 'dg') },
  {
    name: 'zip-labelled',
    type: 'ZIP',
    re: new RegExp(
      `\\b(?:zip\\s{0,3}(?:code)?|postal\\s{0,3}code)[\\s:#]{0,6}(?:is\\s{1,6})?(?<ZIP>${ZIP})(?![\\d-])`,
      'gid',
    ),
  },
  // ZIP+4 is distinctive on its own.
  { name: 'zip-plus-four', type: 'ZIP', re: /(?<![\d-])\d{5}-\d{4}(?![\d-])/dg },
];
