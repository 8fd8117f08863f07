import { expect, it } from 'vitest';
import { readLanguageProfile } from '../../agents/safety/language-profile.js';
import { localeFiles } from '../../agents/safety/locale-files.js';
import { matchRules, readSafetyRules } from '../../agents/safety/safety-rules.js';
import { tokenise } from '../../agents/safety/safety-tokenise.js';
import type { SafetyKind } from '../../agents/safety/safety-types.js';

/** A locale's committed rules, and the findings they make on a text as triage normalises it. */
export function rulesOf(locale: string) {
  const files = localeFiles(locale);
  const profile = readLanguageProfile(files.language);
  const { rules } = readSafetyRules(files.rules);
  return { rules, ruled: (text: string) => matchRules(rules, tokenise(text, profile).normalised, profile) };
}

type Ruled = ReturnType<typeof rulesOf>['ruled'];

/**
 * Each positive hits its cue's rule of the kind; each ordinary text that shares the words hits no rule
 * of that kind (a rule's finding is never cleared, so a false one holds a patient's message for a person).
 */
export function ruleReach(
  ruledIn: Ruled,
  kind: SafetyKind,
  positives: [cue: string, text: string][],
  ordinary: string[],
) {
  const cues = (text: string) => ruledIn(text).find((f) => f.kind === kind)?.cues ?? [];
  it.each(positives)(`${kind} %s: "%s"`, (cue, text) => {
    expect(cues(text)).toContain(cue);
  });
  it.each(ordinary)(`no ${kind} rule for "%s"`, (text) => {
    expect(cues(text)).toEqual([]);
  });
}

/** A crisis rule's reach is checked cue by cue, tense by tense. */
export const crisisReach = (ruledIn: Ruled, positives: [cue: string, text: string][], ordinary: string[]) =>
  ruleReach(ruledIn, 'crisis', positives, ordinary);
