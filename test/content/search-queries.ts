/**
 * Searches people write, labelled with the demo library's blocks that answer them (patient audience of
 * lumenzo-adherence, usable today). Written from the block texts before the synonym data was measured; a
 * query's relevant set is every usable patient block on its topic, whatever words the block uses.
 */
const COST = [
  'LZ-COST-SMS-01',
  'LZ-COST-SMS-02',
  'LZ-COST-PUSH-01',
  'LZ-COST-EMAIL-01',
  'LZ-COST-EMAIL-02',
  'LZ-COST-WEB-01',
  'LZ-CTA-SAVINGS-01',
];
const INSURANCE = ['LZ-COST-SMS-01', 'LZ-COST-EMAIL-01', 'LZ-COST-EMAIL-02', 'LZ-ACCESS-SMS-02', 'LZ-ACCESS-EMAIL-01'];
const ACCESS = ['LZ-ACCESS-SMS-01', 'LZ-ACCESS-SMS-02', 'LZ-ACCESS-EMAIL-01', 'LZ-ACCESS-EMAIL-02', 'LZ-ACCESS-WEB-01'];
const HOW_TO = ['LZ-HL-SMS-01', 'LZ-HL-SMS-02', 'LZ-HL-SMS-03', 'LZ-HL-EMAIL-01', 'LZ-HL-WEB-01', 'LZ-HL-EMAIL-02'];
const FORGET = ['LZ-FORGET-SMS-01', 'LZ-FORGET-SMS-02', 'LZ-FORGET-SMS-03', 'LZ-FORGET-EMAIL-01', 'LZ-FORGET-WEB-01'];
const CONCERNS = [
  'LZ-CONC-SMS-01',
  'LZ-CONC-SMS-02',
  'LZ-CONC-SMS-03',
  'LZ-CONC-PUSH-01',
  'LZ-CONC-EMAIL-01',
  'LZ-CONC-EMAIL-02',
  'LZ-CONC-WEB-01',
  'LZ-CLAIM-CONC-01',
];
const MOOD = ['LZ-EMO-SMS-01', 'LZ-EMO-SMS-02', 'LZ-EMO-EMAIL-01', 'LZ-EMO-WEB-01', 'LZ-EMO-EMAIL-02'];
const NEED = [
  'LZ-NEC-SMS-01',
  'LZ-NEC-SMS-02',
  'LZ-NEC-EMAIL-01',
  'LZ-NEC-WEB-01',
  'LZ-CLAIM-NEC-SMS',
  'LZ-CLAIM-NEC-01',
  'LZ-CLAIM-NEC-02',
];
const TRUST = ['LZ-TRUST-SMS-01', 'LZ-TRUST-SMS-02', 'LZ-TRUST-PUSH-01', 'LZ-TRUST-EMAIL-01', 'LZ-TRUST-EMAIL-02'];
const SOCIAL = ['LZ-SOCIAL-SMS-01', 'LZ-SOCIAL-SMS-02', 'LZ-SOCIAL-EMAIL-01', 'LZ-SOCIAL-WEB-01', 'LZ-SOCIAL-EMAIL-02'];

export type LabelledQuery = { q: string; channel?: 'sms' | 'email' | 'push' | 'web'; relevant: string[] };

export const LABELLED_QUERIES: LabelledQuery[] = [
  { q: 'copay help', relevant: COST },
  { q: 'copay', channel: 'sms', relevant: COST },
  { q: 'my co-pay is too high', relevant: COST },
  { q: 'I cant afford my medicine', relevant: COST },
  { q: 'it is too expensive', relevant: COST },
  { q: 'the price went up', relevant: COST },
  { q: 'money is tight this month', relevant: COST },
  { q: 'insurance will not cover it', relevant: INSURANCE },
  { q: 'pharmacy delay', relevant: ACCESS },
  { q: 'can it be shipped to my house', relevant: ACCESS },
  { q: 'prior authorization paperwork', relevant: ['LZ-ACCESS-SMS-02', 'LZ-ACCESS-EMAIL-01'] },
  { q: 'how do I use the pen', relevant: HOW_TO },
  { q: 'injection instructions', relevant: HOW_TO },
  { q: 'I keep forgetting my shot', relevant: FORGET },
  { q: 'missed a dose', relevant: FORGET },
  { q: 'scared of side effects', relevant: CONCERNS },
  { q: 'worried about infections', relevant: ['LZ-CONC-SMS-02', 'LZ-CONC-EMAIL-02'] },
  { q: 'feeling down and alone', relevant: MOOD },
  { q: 'my skin is clear, do I still need it', relevant: NEED },
  { q: 'is it safe and FDA approved', relevant: TRUST },
  { q: 'my family says it is just a skin problem', relevant: SOCIAL },
];

/** Searches no block answers: a relevance cut-off returns nothing for them. */
export const UNRELATED_QUERIES = ['weather forecast for tomorrow', 'volcano eruption lava', 'quantum chromodynamics'];
