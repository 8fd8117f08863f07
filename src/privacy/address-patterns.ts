/**
 * Street addresses, PO boxes, cities and ZIP codes, for `pii-patterns.ts`. Safe Harbor
 * removes every geographic unit smaller than a state, so the state itself stays.
 */
import type { PiiPattern } from './pii-types.js';
import { isStateAsTyped, STATE_CODE as STATE, STATE_NAME } from './us-states.js';

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
// A city is one to three words, none of them a state code, so "springfield il" is a city and a state.
const CITY_WORD = `(?!${STATE}(?![A-Za-z.'-]))[A-Za-z][A-Za-z.'-]{0,30}`;
const CITY = `${CITY_WORD}(?:\\s{1,6}${CITY_WORD}){0,2}`;
// After a street address, a city followed by a state, a ZIP or both. The pattern is case-insensitive,
// so whether "in"/"me" after a city is a state is settled in `keepGroup`.
const STATE_ANY = `(?:${STATE_NAME}|${STATE})`;
const CITY_STATE_ZIP =
  `(?:[.,]?\\s{1,6}(?<ADDRESS_city>${CITY})(?=,?\\s{1,6}(?:${STATE_ANY}|${ZIP})(?![\\w-]))` +
  `(?:,?\\s{1,6}(?<state>${STATE_ANY})(?![\\w-]))?(?:\\.?,?\\s{1,6}(?<ZIP>${ZIP})(?![\\d-]))?)?`;

export const ADDRESS_PATTERNS: PiiPattern[] = [
  {
    name: 'street-address',
    type: 'ADDRESS',
    re: new RegExp(
      `\\b(?<ADDRESS>\\d{1,6}[A-Za-z]?\\s{1,6}(?:${DIRECTION}\\s{1,6})?(?:${STREET_WORD}\\s{1,6}){0,3}` +
        `(?<suffix>${STREET_SUFFIX})\\b(?:\\s{1,6}${DIRECTION}(?!\\w))?${UNIT}?)` +
        CITY_STATE_ZIP,
      'gid',
    ),
    classify: (m) => {
      const suffix = m.groups?.suffix ?? '';
      return AMBIGUOUS_SUFFIX.test(suffix) && suffix[0] === suffix[0]?.toLowerCase() ? null : 'ADDRESS';
    },
    // A state as people write it (a name, or a code in capitals) makes the words before it a city;
    // so does a ZIP after a state in any case ("springfield il 62704") or after a capitalised city
    // ("Springfield 62704", not "about 20000").
    keepGroup: (name, m) => {
      if (name !== 'ADDRESS_city' && name !== 'ZIP') return true;
      const { state, ZIP: zip, ADDRESS_city: city = '' } = m.groups ?? {};
      if (state !== undefined && isStateAsTyped(state)) return true;
      return zip !== undefined && (state !== undefined || /^[A-Z]/.test(city));
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
