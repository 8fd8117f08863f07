/**
 * A second handful for the shapes of `corpus-batch-names.ts`, written after the patterns were
 * changed for that batch and before running them: held out from the change (20 snippets,
 * 23 pii, 25 keep).
 *
 *   redactor before the change:  recall 0.739 (17/23), false positives 0.000 (0/25)
 *   after the change:            recall 0.913 (21/23), false positives 0.000 (0/25)
 *
 * The two misses are left as known gaps.
 */
import type { CorpusEntry } from './redaction-corpus.js';

export const PROBE_WITH_PII: CorpusEntry[] = [
  {
    text: 'Signed up with my work email but please use this one instead:\nTerrence Oyelaran\nt.oyelaran@example.com',
    pii: ['Terrence Oyelaran', 't.oyelaran@example.com'],
    keep: ['please use this one instead'],
  },
  {
    text: '555-610-2244 - Rosemary (my daughter) handles the refills',
    pii: ['555-610-2244', 'Rosemary'],
    keep: ['(my daughter) handles the refills'],
  },
  { text: 'its fatima, my insurance changed in march', pii: ['fatima'], keep: ['my insurance changed in march'] },
  { text: 'Im Gloria and i cant afford the shot', pii: ['Gloria'], keep: ['i cant afford the shot'] },
  {
    text: 'hey its shreya patel here. still waiting on the prior auth',
    pii: ['shreya patel'],
    keep: ['still waiting on the prior auth'],
  },
  {
    text: 'Pharmacist: Greg Hollis, 555-330-7810 ext 4',
    pii: ['Greg Hollis', '555-330-7810'],
    keep: ['Pharmacist:'],
  },
  {
    text: 'Mailing address is PO Box 442, Bend OR 97701 - Luz Herrera',
    pii: ['PO Box 442', 'Bend', '97701', 'Luz Herrera'],
    keep: ['Mailing address is'],
  },
  {
    text: 'its winston, same number as before 555-481-2290',
    pii: ['winston', '555-481-2290'],
    keep: ['same number as before'],
  },
  {
    text: 'Reach out to Abigail or me, abigail.ross@example.com',
    pii: ['Abigail', 'abigail.ross@example.com'],
    gap: 'a name joined to a pronoun ("Abigail or me") does not sit right beside the email',
    keep: ['Reach out to'],
  },
  {
    text: "Dr Okonkwo's nurse, Beatriz, 555-712-0045",
    pii: ['Okonkwo', 'Beatriz', '555-712-0045'],
    keep: ['nurse'],
  },
  {
    text: 'im veronica’s husband, she cant text right now',
    pii: ['veronica'],
    keep: ['she cant text right now'],
    gap: 'a lower-case name in a possessive before a relation word ("veronica’s husband")',
  },
  { text: 'New phone: 555-908-1133. Old one is disconnected', pii: ['555-908-1133'], keep: ['New phone', 'Old one'] },
  { text: 'Weekends only, 555-221-8890', pii: ['555-221-8890'], keep: ['Weekends only'] },
];

export const PROBE_CLEAN: CorpusEntry[] = [
  { text: 'im so done with this pharmacy', pii: [], keep: ['im so done with this pharmacy'] },
  { text: 'this is my last pen, what now?', pii: [], keep: ['this is my last pen'] },
  { text: "it's okay, the nurse showed me", pii: [], keep: ["it's okay", 'the nurse showed me'] },
  { text: 'i am grateful for the help, really', pii: [], keep: ['i am grateful for the help'] },
  { text: 'im in pain and the copay is $250', pii: [], keep: ['im in pain', '$250'] },
  { text: 'Thanks, Lumenzo Support - 1-800-555-0142', pii: [], keep: ['Lumenzo Support', '1-800-555-0142'] },
  { text: 'this is ok, I guess', pii: [], keep: ['this is ok', 'I guess'] },
];
