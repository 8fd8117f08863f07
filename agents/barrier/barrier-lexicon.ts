import { createHash } from 'node:crypto';
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
    'afford affordable expensive pricey price cost costly money pay paying payment copay coinsurance ' +
    'deductible dollar bill budget broke cheap cheaper discount coupon savings paycheck payday cash income ' +
    'rent grocery financial fortune charge spend debt salary wage unemployed pocket funds insurance expense ' +
    'unaffordable owe balance premium tier medicare medicaid wallet bucks fee fees tax refund mortgage ' +
    'utilities electric loan borrow overdraft ration rationing stretch laid poor',
  harm:
    'side effect nausea nauseous dizzy dizziness headache rash reaction worried worry afraid scared scary ' +
    'fear risk risky danger dangerous damage harm harmful toxic liver kidney heart cancer allergic sick vomit ' +
    'diarrhea stomach weight hair insomnia interaction safe safety swelling bruise addictive dependent ' +
    'hormone foggy bleeding palpitation jittery shaky symptom ache cramp bloat bloating drowsy groggy itch ' +
    'itchy hives welt bump burn burning blurry vision tremor nervous frightened terrified warning ' +
    'complication organ unsafe hurt ill unwell awful terrible weird throw',
  need:
    'need necessary unnecessary working work help benefit difference result improve improvement point ' +
    'pointless useless better cure cured worth prevent precaution mild normal healthy effective control ' +
    'controlled numbers readings labs tests sugar cholesterol change same convinced unconvinced purpose ' +
    'preventive prevention optional overkill placebo',
  distrust:
    'trust distrust believe honest lie lying pharma company manufacturer profit greed greedy corrupt scam ' +
    'bribe conspiracy agenda sketchy shady skeptical suspicious hide hiding truth study studies research fda ' +
    'marketing guinea experiment sponsor lawsuit claims claim companies industry corporation corporate ' +
    'business sell selling sales exaggerate propaganda biased bias funded kickback incentive rep reps motive ' +
    'misled mislead misleading deceive dishonest rushed recall settlement government system reliable ' +
    'unreliable transparent',
  how:
    'how instruction understand confusing confused label dose dosage dosing inject injection pen needle ' +
    'syringe fridge refrigerate storage store directions explain mean read leaflet supposed double food ' +
    'properly correctly step video steps milligram figure unclear explained clear meaning dial click cap ' +
    'device inhaler technique prepare mix shake measure tablet capsule swallow crush chew timing when ' +
    'breakfast meal empty bedtime twice weekly abbreviation jargon terms language english translate print',
  memory:
    'forget forgot forgetful remember reminder remind alarm routine schedule busy track slip slipped mind ' +
    'travel vacation trip habit distracted memory dementia notice realize ran late remembering forgetting ' +
    'reminders calendar phone app notification overlooked oversight accidentally hectic shift weekend holiday ' +
    'away packed bag forgotten',
  reach:
    'pharmacy pharmacist stock shortage backorder backordered prior authorization approve approval deny ' +
    'denied transport transportation drive car bus ride far distance miles delivery deliver shipping shipped ' +
    'mail specialty prescription appointment hours closed available unavailable transfer fill filled ' +
    'formulary counter stocked supply supplier distributor shipment package courier tracking appeal authorize ' +
    'authorized paperwork form fax referral renewal renew script clinic office hold rural town walk ' +
    'wheelchair homebound mobility snow weather',
  people:
    'wife husband partner boyfriend girlfriend mom mother dad father sister brother family friend kid son ' +
    'daughter spouse roommate coworker neighbor church pastor community people everyone others parent grandma ' +
    'grandmother grandpa aunt uncle cousin relatives boss colleague classmate teammate congregation',
  opinion:
    'say said says told tell think thinks convinced warned pressure advice opinion stigma embarrassed ' +
    'embarrassing ashamed shame judge judged comment tease laugh culture online facebook tiktok reddit ' +
    'instagram youtube internet group approve disapprove insist nag nagging mock weak secret gossip rumor ' +
    'forum post video influencer warn discourage against frown',
  mood:
    'depressed depression anxious anxiety overwhelmed overwhelming stressed stress sad hopeless exhausted ' +
    'burnout burnt tired energy motivation unmotivated cry crying lonely grief grieving died passed loss ' +
    'divorce mental panic numb drained cope coping struggling struggle care face bothered dark miserable ' +
    'alone sadness tears wreck mess spirits worthless bed shut isolated isolating withdrawn apathy heavy ' +
    'burden broken trauma therapist therapy counselor breakdown breakup grieve',
  ok:
    'fine good great okay ok thanks thank well smooth easy ready done picked refilled appreciate perfect ' +
    'smoothly cheers helpful handled awesome cool yep yes sure received confirm confirmed already',
};

/** Changes whenever a cue word does, so a model trained with another lexicon is known to be stale. */
export const LEXICON_SHA256 = createHash('sha256').update(JSON.stringify(THEMES)).digest('hex');

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
