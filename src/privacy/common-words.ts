/**
 * Ordinary words that take a name's place where no cue vouches for a name: after a lower-case
 * "its" / "im" / "this is" ("its too expensive", "im struggling"), and as the capitalised word
 * next to a phone or address ("Evenings, 555-…", "Home: 12 Elm St"). `STOP_WORDS` (name-cues.ts)
 * holds the function words; this holds what people say about themselves, the treatment and its
 * cost, and the labels that head contact details. Kept free of words that are also first names
 * (Bill, Grace, Mark, Will, June…), which a name then may be.
 */
const COMMON_WORDS = new Set(
  // states, feelings and judgements
  (
    'ok alright hungry lonely dizzy sleepy shaky itchy weak strong stuck lost lucky desperate ashamed annoyed ' +
    'bored mad pissed fed done sore hurt hurting hard easy difficult tough rough simple impossible awful terrible ' +
    'horrible crazy insane nuts stupid dumb silly weird strange odd wrong right true false fair unfair urgent ' +
    'important serious ridiculous annoying confusing pricey pricy expensive cheap costly free affordable enough ' +
    'much more less most least way lot lots bit kinda sorta pretty super quite rather total totally ' +
    'cheaper pricier easier harder higher lower bigger smaller longer shorter faster slower sooner stronger weaker ' +
    'normal fine ready okay sure certain positive negative clear mild severe bad worst best nice cool bs nonsense ' +
    'absurd crap bullshit garbage trash robbery theft torture hell unreal scary gross nasty rude wild lame ' +
    'overpriced broken different same everything ' +
    'elderly homeless veteran vet disabled vaccinated approved denied screwed concerned interested embarrassed ' +
    'over under out done gone away open closed due overdue behind ahead short low high ' +
    // the treatment, its cost and its logistics
    'insulin copay copays coinsurance deductible insurance insurer coverage plan plans medicare medicaid money cash ' +
    'price prices cost costs fee fees payment bills budget rent savings coupon coupons card cards rebate refund ' +
    'medicine medicines medication medications med meds drug drugs shot shots injection injections pill pills pen ' +
    'pens dose doses refill refills prescription prescriptions script rx generic brand treatment therapy side effect ' +
    'effects rash pain nausea headache headaches fatigue psoriasis skin flare flares itch stress anxiety depression ' +
    'work job school kids family time timing schedule weather snow rain traffic distance ride bus car gas ' +
    'app website site portal account login password form forms paperwork appointment appointments ' +
    // who and when, as labels beside a number or an address
    'wife husband spouse partner son daughter mom mum mother dad father sister brother grandma grandpa aunt uncle ' +
    'niece nephew cousin friend neighbor neighbour caregiver boyfriend girlfriend ' +
    'evening evenings morning mornings afternoon afternoons night nights weekday weekdays weekend weekends ' +
    'daytime nighttime anytime hours asap urgent emergency questions question help info details billing ' +
    'appointments scheduling refills mon tue tues wed thu thur thurs fri sat sun ' +
    'phone cell mobile tel ph fax email e-mail mail contact text call dial number no ext extension line landline ' +
    'hotline home work address addr street apt suite unit box zip reply direct main new old best preferred ' +
    'primary secondary alternate alt via attn ask leave press send use try see visit write message ring'
  ).split(' '),
);

// Endings that make adjectives, nouns and participles but (at this length) hardly ever names.
const COMMON_ENDING = /(?:ing|ous|ful|less|ness|tion|sion|ment|able|ible|sive|tive|ical|ted|ssed|ied|ized|ised)$/;

/** True for a word that is ordinary English rather than a name (any case). */
export function isCommonWord(word: string): boolean {
  const w = word.toLowerCase();
  return COMMON_WORDS.has(w) || (w.length >= 6 && COMMON_ENDING.test(w));
}
