import { stem } from './text-normalise.js';

/**
 * Cue words per theme, from the adherence literature's own vocabulary (Horne's
 * necessity–concerns framework, COM-B barrier interviews). A few hundred labelled lines
 * cannot contain every synonym; a cue feature lets a word the corpus never used
 * ("deductible", "backordered") borrow the weight its theme learned from the words it did.
 * The classifier still learns each cue's weight per barrier, so overlap is harmless.
 */
const THEMES: Record<string, string> = {
  money:
    'afford affordable expensive pricey price cost costly money pay paying payment copay coinsurance deductible ' +
    'dollar bill budget broke cheap cheaper discount coupon savings paycheck payday cash income rent grocery ' +
    'financial fortune charge spend debt salary wage unemployed pocket funds insurance',
  harm:
    'side effect nausea nauseous dizzy dizziness headache rash reaction worried worry afraid scared scary fear ' +
    'risk risky danger dangerous damage harm harmful toxic liver kidney heart cancer allergic sick vomit diarrhea ' +
    'stomach weight hair insomnia interaction safe safety swelling bruise addictive dependent hormone foggy ' +
    'bleeding palpitation jittery shaky symptom',
  need:
    'need necessary unnecessary working work help benefit difference result improve improvement point pointless ' +
    'useless better cure cured worth prevent precaution mild normal healthy effective',
  distrust:
    'trust distrust believe honest lie lying pharma company manufacturer profit greed greedy corrupt scam bribe ' +
    'conspiracy agenda sketchy shady skeptical suspicious hide hiding truth study studies research fda marketing ' +
    'guinea experiment sponsor lawsuit',
  how:
    'how instruction understand confusing confused label dose dosage dosing inject injection pen needle syringe ' +
    'fridge refrigerate storage store directions explain mean read leaflet supposed double food properly ' +
    'correctly step video steps milligram',
  memory:
    'forget forgot forgetful remember reminder remind alarm routine schedule busy track slip slipped mind ' +
    'travel vacation trip habit distracted memory dementia notice realize ran late',
  reach:
    'pharmacy pharmacist stock shortage backorder backordered prior authorization approve approval deny denied ' +
    'transport transportation drive car bus ride far distance miles delivery deliver shipping shipped mail ' +
    'specialty prescription appointment hours closed available unavailable transfer fill filled formulary',
  people:
    'wife husband partner boyfriend girlfriend mom mother dad father sister brother family friend kid son ' +
    'daughter spouse roommate coworker neighbor church pastor community people everyone others',
  opinion:
    'say said says told tell think thinks convinced warned pressure advice opinion stigma embarrassed ' +
    'embarrassing ashamed shame judge judged comment tease laugh culture online facebook tiktok reddit ' +
    'instagram youtube internet group',
  mood:
    'depressed depression anxious anxiety overwhelmed overwhelming stressed stress sad hopeless exhausted ' +
    'burnout burnt tired energy motivation unmotivated cry crying lonely grief grieving died passed loss divorce ' +
    'mental panic numb drained cope coping struggling struggle care face bothered dark miserable alone',
  ok: 'fine good great okay ok thanks thank well smooth easy ready done picked refilled appreciate perfect',
};

const CUES = new Map<string, string[]>();
for (const [theme, words] of Object.entries(THEMES)) {
  for (const word of words.split(/\s+/)) {
    const key = stem(word);
    CUES.set(key, [...new Set([...(CUES.get(key) ?? []), theme])]);
  }
}

/** The themes a (stemmed) word belongs to. */
export function cuesOf(stemmed: string): string[] {
  return CUES.get(stemmed) ?? [];
}
