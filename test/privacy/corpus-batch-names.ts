/**
 * Held-out batch: names with no cue word (heading or trailing a contact block), lower-case
 * self-introductions, and spellings of a known name without its apostrophe, hyphen or dot,
 * next to look-alikes that are not names ("its too expensive", "Evenings, 555-…").
 * Written before the patterns were changed for them (41 snippets, 49 pii, 50 keep):
 *
 *   before the change (held out):         recall 0.490 (24/49), false positives 0.000 (0/50)
 *   after (the batch guided the change):  recall 1.000 (49/49), false positives 0.000 (0/50)
 *
 * The after figure is not held out; `corpus-probe-names.ts` is, for the changed patterns.
 */
import type { CorpusEntry } from './redaction-corpus.js';

export const NAMES_WITH_PII: CorpusEntry[] = [
  {
    text: 'Priya Raman, 4410 Elm Street, Dayton OH 45402, priya.r@example.com. The pharmacy keeps saying the prior auth expired.',
    pii: ['Priya Raman', '4410 Elm Street', 'Dayton', '45402', 'priya.r@example.com'],
    keep: ['The pharmacy keeps saying the prior auth expired', 'OH'],
  },
  {
    text: 'Contact info: Marcus Webb - 312-555-0148 - marcus.webb@example.net',
    pii: ['Marcus Webb', '312-555-0148', 'marcus.webb@example.net'],
    keep: ['Contact info'],
  },
  {
    text: 'Please send the savings card to\nDelia Fuentes\n918 W Alder St Apt 3\nTucson AZ 85705',
    pii: ['Delia Fuentes', '918 W Alder St Apt 3', 'Tucson', '85705'],
    keep: ['Please send the savings card to'],
  },
  {
    text: 'call me back at 608-555-0113, Hannah Lindqvist',
    pii: ['608-555-0113', 'Hannah Lindqvist'],
    keep: ['call me back at'],
  },
  {
    text: 'Gus Papadakis 415-555-0166 evenings are best',
    pii: ['Gus Papadakis', '415-555-0166'],
    keep: ['evenings are best'],
  },
  {
    text: 'Reply to: Oluwaseun Adeyemi <seun.adeyemi@example.org>',
    pii: ['Oluwaseun Adeyemi', 'seun.adeyemi@example.org'],
    keep: ['Reply to:'],
  },
  {
    text: 'From Lucia Ferraro, lucia.ferraro@example.com: why did my copay triple?',
    pii: ['Lucia Ferraro', 'lucia.ferraro@example.com'],
    keep: ['why did my copay triple?'],
  },
  {
    text: 'ship it to 55 Harbor View Dr, Mystic CT 06355 - Colleen Brady',
    pii: ['55 Harbor View Dr', 'Mystic', '06355', 'Colleen Brady'],
    keep: ['ship it to'],
  },
  {
    text: 'Bruno Castellanos | 555-301-7788 | caregiver for my mother',
    pii: ['Bruno Castellanos', '555-301-7788'],
    keep: ['caregiver for my mother'],
  },
  {
    text: 'JOHN PAPPAS, 555-887-1200, PLEASE CALL ABOUT THE CARD',
    pii: ['JOHN PAPPAS', '555-887-1200'],
    keep: ['PLEASE CALL ABOUT THE CARD'],
  },
  {
    text: 'Name and number: Wen Li 555-212-9090',
    pii: ['Wen Li', '555-212-9090'],
    keep: ['Name and number'],
  },
  {
    text: 'It is Anh Nguyen, calling about my mom’s refill',
    pii: ['Anh Nguyen'],
    keep: ['calling about my mom’s refill'],
  },
  {
    text: 'its maria lopez, my number is 555-204-8871',
    pii: ['maria lopez', '555-204-8871'],
    keep: ['my number is'],
  },
  {
    text: "it's jamal here, the copay card got declined again",
    pii: ['jamal'],
    keep: ['the copay card got declined again'],
  },
  {
    text: 'hi this is deb wozniak. my refill was 2 weeks late because of the snow',
    pii: ['deb wozniak'],
    keep: ['my refill was 2 weeks late'],
  },
  {
    text: 'im tomas and i keep forgetting the evening dose',
    pii: ['tomas'],
    keep: ['i keep forgetting the evening dose'],
  },
  { text: "i'm rachel, caregiver for my dad", pii: ['rachel'], keep: ['caregiver for my dad'] },
  {
    text: 'this is pete again, still no word on the prior auth',
    pii: ['pete'],
    keep: ['still no word on the prior auth'],
  },
  { text: 'im dwayne. need the refill before friday', pii: ['dwayne'], keep: ['need the refill before friday'] },
  {
    text: 'this is marguerite and my husband does the shots',
    pii: ['marguerite'],
    keep: ['my husband does the shots'],
  },
  {
    text: 'hey its bea santos, text me at 555-771-2020 when the card is ready',
    pii: ['bea santos', '555-771-2020'],
    keep: ['when the card is ready'],
  },
  {
    text: 'kevin obrien here, the pharmacy still doesnt have it',
    known: ["Kevin O'Brien", 'Kevin', "O'Brien"],
    pii: ['kevin', 'obrien'],
    keep: ['the pharmacy still doesnt have it'],
  },
  {
    text: 'Obrien is the last name on the account, not my maiden name',
    known: ["Kevin O'Brien", 'Kevin', "O'Brien"],
    pii: ['Obrien'],
    keep: ['is the last name on the account'],
  },
  {
    text: 'Marybeth says the card was declined at CVS',
    known: ['Mary-Beth Collins', 'Mary-Beth', 'Collins'],
    pii: ['Marybeth'],
    keep: ['says the card was declined at CVS'],
  },
  {
    text: 'dangelo wants the refill moved to friday',
    known: ["D'Angelo Russo", "D'Angelo", 'Russo'],
    pii: ['dangelo'],
    keep: ['wants the refill moved to friday'],
  },
  {
    text: 'anne marie st pierre asked if the copay card renews in January',
    known: ['Anne-Marie St. Pierre', 'Anne-Marie', 'Pierre'],
    pii: ['anne marie', 'pierre'],
    keep: ['asked if the copay card renews in January'],
  },
]; // 26 with PII

export const NAMES_CLEAN: CorpusEntry[] = [
  {
    text: 'its too expensive, i cant keep paying this',
    pii: [],
    keep: ['its too expensive', 'i cant keep paying this'],
  },
  { text: 'im tired of this, the shots hurt', pii: [], keep: ['im tired of this', 'the shots hurt'] },
  { text: 'this is hard, my kids need me', pii: [], keep: ['this is hard', 'my kids need me'] },
  { text: 'its the copay, not the side effects', pii: [], keep: ['its the copay', 'not the side effects'] },
  { text: "it's insulin and the shot, both at night", pii: [], keep: ["it's insulin and the shot"] },
  { text: 'this is ridiculous. third time the pharmacy lost it', pii: [], keep: ['this is ridiculous'] },
  { text: 'im struggling, money is tight', pii: [], keep: ['im struggling', 'money is tight'] },
  { text: 'its cheaper at costco, but far away', pii: [], keep: ['its cheaper at costco'] },
  { text: 'im nauseous and dizzy after each dose', pii: [], keep: ['im nauseous and dizzy'] },
  { text: 'this is urgent, pharmacy closes soon', pii: [], keep: ['this is urgent'] },
  {
    text: 'Evenings, 555-123-4567 is the pharmacy fax',
    pii: [],
    keep: ['Evenings', 'is the pharmacy fax'],
  },
  { text: 'Lumenzo Support, 1-800-555-0142, Mon-Fri 8am-8pm', pii: [], keep: ['Lumenzo Support', 'Mon-Fri 8am-8pm'] },
  { text: 'Walgreens Pharmacy - 12 Main St is out of stock', pii: [], keep: ['Walgreens Pharmacy'] },
  { text: 'Cell: 1-800-555-0142. Thanks, that number works', pii: [], keep: ['Cell:', 'Thanks, that number works'] },
  { text: 'Springfield Clinic, 1-800-555-0142 - Billing Department', pii: [], keep: ['Springfield Clinic'] },
]; // 15 clean
