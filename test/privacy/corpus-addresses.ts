/**
 * Street addresses with the city, state and ZIP after them (issue 10, defect 7): Safe Harbor counts
 * the city and the ZIP as identifiers, the state not. Typed as people type them: commas or none,
 * lower case, on several lines, with full state names, a unit, or a ZIP+4.
 */
import type { CorpusEntry } from './redaction-corpus.js';

export const ADDRESSES_WITH_PII: CorpusEntry[] = [
  {
    text: 'send the card to 12 Oak St, Springfield, IL 62704 please',
    pii: ['12 Oak St', 'Springfield', '62704'],
    keep: ['send the card to', 'IL', 'please'],
  },
  {
    text: 'new address is 12 oak street springfield il 62704 since march',
    pii: ['12 oak street', 'springfield', '62704'],
    keep: ['new address is', 'il', 'since march'],
  },
  {
    text: 'Mail it to:\n48 Birch Lane\nBozeman, MT 59715\nthanks',
    pii: ['48 Birch Lane', 'Bozeman', '59715'],
    keep: ['Mail it to:', 'MT', 'thanks'],
  },
  {
    text: 'we moved to 9 Harbor View Dr, Apt 3C, San Luis Obispo, California 93401 last week',
    pii: ['9 Harbor View Dr', 'Apt 3C', 'San Luis Obispo', '93401'],
    keep: ['we moved to', 'California', 'last week'],
  },
  {
    text: 'ship to 300 W Pine Ave, Portland OR 97205-4417 (back door)',
    pii: ['300 W Pine Ave', 'Portland', '97205-4417', '97205'],
    keep: ['ship to', 'OR', 'back door'],
  },
  {
    text: 'I live at 77 Elm Rd, Dayton, Ohio, so the pharmacy on 3rd is closest',
    pii: ['77 Elm Rd', 'Dayton'],
    keep: ['I live at', 'Ohio', 'so the pharmacy on 3rd is closest'],
  },
  {
    text: 'address: 5 Quarry Ct Lakewood 80226, call first',
    pii: ['5 Quarry Ct', 'Lakewood', '80226'],
    keep: ['address:', 'call first'],
  },
  {
    text: 'the refill went to my old place, 1200 Market Street, Suite 5, New York, NY 10001',
    pii: ['1200 Market Street', 'New York', '10001'],
    keep: ['the refill went to my old place', 'NY'],
  },
  { text: 'my zip is now 60614-2201 after the move', pii: ['60614-2201', '60614'], keep: ['after the move'] },
  { text: 'Tracking said 33101-0042 but nothing came', pii: ['33101-0042', '33101'], keep: ['nothing came'] },
];

/** Words after a street address that are no place: they stay. */
export const ADDRESSES_CLEAN_TAIL: CorpusEntry[] = [
  {
    text: 'I live at 12 Oak St so call me after work',
    pii: ['12 Oak St'],
    keep: ['so call me after work'],
  },
  {
    text: 'I was at 12 Oak St, about 20000 steps from the clinic',
    pii: ['12 Oak St'],
    keep: ['about 20000 steps from the clinic'],
  },
  {
    text: 'the pharmacy at 400 Main St in Boston MA closes at 6',
    pii: ['400 Main St'],
    keep: ['in Boston MA closes at 6'],
  },
];
