/**
 * Phrases after which people write a name. Flagging every capitalised word would mangle
 * content and drug names (Lumenzo), so a name is only taken after one of these cues.
 *
 * - `strong` cues ("my name is", "Name:") are followed by a name even when typed in lower
 *   case, so lower-case words are taken until a stop word.
 * - `weak` cues ("I'm", "this is", "my wife") are followed by ordinary words as often as
 *   by names, so only capitalised words are taken, never a stop word, and not when the
 *   words name an organisation ("Thank you, Lumenzo team").
 * - `title` cues ("Dr.", "Mrs.") are weak cues that always precede a person, so a word
 *   after the name ("Dr Ramirez office") does not make it an organisation.
 * - `signOff` cues ("thanks,", "signed,") take a lower-case name only when it ends the
 *   line ("thanks, beth"), otherwise a capitalised one.
 */
export type CueStrength = 'strong' | 'weak' | 'title' | 'signOff';

import { SPANISH_NAME_CUES, SPANISH_STOP_WORDS } from './spanish-name-cues.js';

const RELATION =
  'wife|husband|spouse|partner|son|daughter|kid|child|baby|mom|mum|mother|dad|father|sister|brother|' +
  'grandma|grandmother|grandpa|grandfather|grandson|granddaughter|aunt|uncle|niece|nephew|cousin|' +
  'friend|neighbou?r|caregiver|boyfriend|girlfriend|fianc[eé]e?|nurse|pharmacist|doctor|therapist';

export const NAME_CUES: Array<{ strength: CueStrength; re: RegExp }> = [
  {
    strength: 'strong',
    re: /\b(?:(?:my\s{1,6})?name\s{1,6}is|my\s{1,6}name['’]?s|(?:full\s{1,6}|first\s{1,6}|last\s{1,6}|patient\s{1,6}|pt\.?\s{1,6}|caregiver\s{1,6})?name\s{0,3}:|contact\s{0,3}:|patient\s{0,3}:|pt\s{0,3}:)/gi,
  },
  {
    strength: 'weak',
    re: new RegExp(
      `\\b(?:${[
        "i\\s{0,3}['’]?\\s{0,3}m",
        'i\\s{1,6}am',
        'this\\s{1,6}is',
        'it\\s{1,6}is',
        "it\\s{0,3}['’]?\\s{0,3}s(?:\\s{1,6}me(?:\\s{1,6}again)?,)?",
        'call(?:s|ed)?\\s{1,6}me',
        'patient',
        'pt\\.?',
        'reach',
        'ask(?:ed)?\\s{1,6}for',
        '(?:speak|spoke|talk|talked)\\s{1,6}(?:to|with)',
      ].join('|')})(?=\\s)`,
      'gi',
    ),
  },
  { strength: 'title', re: /\b(?:dr|doctor|mr|mrs|ms|miss|mx|prof)\b\.?/gi },
  {
    strength: 'weak',
    re: new RegExp(
      `\\b(?:(?:my|our|his|her|the)\\s{1,6})?(?:step-?)?(?:${RELATION})(?:-in-law)?(?:['’]s)?(?=[\\s,(:])`,
      'gi',
    ),
  },
  { strength: 'signOff', re: /\b(?:thanks|thank\s{1,6}you|regards|sincerely|signed|cheers|best|love)\s{0,3}[,:-]/gi },
  // A dash signs off ("— Tom") as often as it starts an aside ("— remove"): capitals only.
  { strength: 'weak', re: /(?:^|\s)(?:—|--|-)/g },
  ...SPANISH_NAME_CUES,
];

/** "Jennifer Alvarez here" at the start of a message or after a greeting. */
export const SELF_INTRODUCTION =
  /(?:^|[.!?]\s{1,6}|\b(?:[Hh]i|[Hh]ey|[Hh]ello)[,!]?\s{1,6})(?<name>[A-Z][a-z]{1,30}(?:['’-][A-Z]?[a-z]{1,30})?\s{1,6}[A-Z][a-z]{1,30}(?:['’-][A-Z]?[a-z]{1,30})?)\s{1,6}here\b/dg;

/**
 * "its kevin obrien, text me…": a self-introduction typed in lower case, at the start of the
 * text or a sentence, or after a greeting. The 1–3 words must end the clause (a comma, a full
 * stop, "and", "here", "again"); `findNames` then rejects them if any is an ordinary word, so
 * "its too expensive," and "im tired of this" stay.
 */
const INTRO_WORD = "(?!(?:and|here|again)\\b)[a-z]{1,30}(?:['’-][a-z]{1,30})?";
export const LOWER_CASE_INTRODUCTION = new RegExp(
  '(?:^|[.!?\\n][ \\t]{0,3}|\\b(?:hi|hey|hello|yes|ok|okay|sorry)\\b[,!.]?[ \\t]{1,6}(?:there[,!]?[ \\t]{1,6})?)' +
    "(?:it[ \\t]{0,3}['’]?[ \\t]{0,3}s|it[ \\t]{1,6}is|this[ \\t]{1,6}is|i[ \\t]{0,3}['’]?[ \\t]{0,3}m|i[ \\t]{1,6}am)[ \\t]{1,6}" +
    `(?<name>${INTRO_WORD}(?:[ \\t]{1,6}${INTRO_WORD}){0,2})` +
    '(?=[ \\t]{0,3}(?:[,.!?;\\n]|$)|[ \\t]{1,6}(?:and|here|again)\\b)',
  'dgi',
);

/** A capitalised word next to one of these names a team or a business ("Lumenzo team"), not a person. */
export const ORGANISATION_NOUNS = new Set(
  (
    'team staff support program programme pharmacy pharmacies clinic office inc llc group crew folks people everyone ' +
    'hospital center centre health medical care services insurance department dept company corp foundation labs'
  ).split(' '),
);

// Words that follow the cues above without being names. Generic English, not corpus-fitted:
// pronouns, articles, auxiliaries, states people describe themselves with, time words,
// titles (handled by their own cue) and common sentence starts.
export const STOP_WORDS = new Set(
  (
    'a an the this that these those it its i me my mine we us our you your he him his she her they them their ' +
    'and or but so if then than because as at by for from in into of off on onto out over to up with without ' +
    'is am are was were be been being do does did done have has had having will would can could should may might must ' +
    'not no yes ok okay oh hi hey hello dear please thanks thank sorry well just only also still really very too ' +
    'here there now today tonight tomorrow yesterday soon later again always never sometimes every each all any some ' +
    'going trying taking getting feeling having doing looking calling writing texting asking wondering hoping ' +
    'fine good great better worse bad sick ill tired exhausted scared afraid worried anxious nervous confused sure ' +
    'glad happy sad upset frustrated overwhelmed stressed depressed angry busy broke poor new old late early ' +
    'diabetic pregnant allergic disabled retired unemployed insured uninsured covered alone single married divorced ' +
    'hispanic latino latina latinx black white asian native american african mexican catholic christian muslim jewish ' +
    'back home away about almost already currently finally definitely honestly literally probably actually ' +
    'day week month year step page room block dose version part level ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december ' +
    'dr doctor mr mrs ms miss mx prof nurse patient pt caregiver pharmacist pharmacy office clinic hospital ' +
    'said says told asked wants wanted thinks thought called texted reminds reminded picks drives helps handles ' +
    'what when where who why how which whatever anyone someone everyone nobody somebody everybody nothing something'
  )
    .split(' ')
    .concat(SPANISH_STOP_WORDS),
);
