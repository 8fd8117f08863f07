import { expect, it } from 'vitest';
import { readLanguageProfile } from '../../agents/safety/language-profile.js';
import { localeFiles } from '../../agents/safety/locale-files.js';
import { matchRules, readSafetyRules } from '../../agents/safety/safety-rules.js';
import { tokenise } from '../../agents/safety/safety-tokenise.js';

/** A locale's committed rules, and the findings they give a text read as triage reads it. */
export function rulesOf(locale: string) {
  const files = localeFiles(locale);
  const profile = readLanguageProfile(files.language);
  const { rules } = readSafetyRules(files.rules);
  return { rules, ruled: (text: string) => matchRules(rules, tokenise(text, profile).normalised, profile) };
}

type Ruled = ReturnType<typeof rulesOf>['ruled'];

/** The crisis rules' cues a text hits: a crisis rule's reach is checked cue by cue, tense by tense. */
const crisisCues = (ruledIn: Ruled, text: string) => ruledIn(text).find((f) => f.kind === 'crisis')?.cues ?? [];

/** Each positive hits its cue's crisis rule; each ordinary text that shares the words hits none. */
export function crisisReach(ruledIn: Ruled, positives: [cue: string, text: string][], ordinary: string[]) {
  it.each(positives)('%s: "%s"', (cue, text) => {
    expect(crisisCues(ruledIn, text)).toContain(cue);
  });
  it.each(ordinary)('no crisis rule for "%s"', (text) => {
    expect(crisisCues(ruledIn, text)).toEqual([]);
  });
}
