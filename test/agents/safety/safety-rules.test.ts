import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLanguageProfile } from '../../../agents/safety/language-profile.js';
import { localeFiles } from '../../../agents/safety/locale-files.js';
import { matchRules, readSafetyRules } from '../../../agents/safety/safety-rules.js';
import { tokenise } from '../../../agents/safety/safety-tokenise.js';

const files = localeFiles('en-US');
const profile = readLanguageProfile(files.language);
const { rules } = readSafetyRules(files.rules);
const ruled = (text: string) => matchRules(rules, tokenise(text, profile).normalised, profile);
const kinds = (text: string) => ruled(text).map((f) => f.kind);
const RULE_CUES = new Set(rules.map((r) => r.cue));

describe('en-US safety rules', () => {
  it.each([
    ['i wanna kms', 'crisis'],
    ['thinking about sucide', 'crisis'],
    ['I have been saving up my sleeping pills', 'crisis'],
    ['everyone would be better off without me', 'crisis'],
    ['My mom broke out in hives after her shot', 'adverse_event'],
    ['I accidentally injected two doses this week', 'adverse_event'],
    ['I just found out I am pregnant', 'adverse_event'],
    ['the pen jammed and would not click', 'product_complaint'],
    ['the ice packs were melted when it arrived', 'product_complaint'],
    ['Can I drink wine while on Lumenzo?', 'medical_information'],
    ['can my husband use one of my pens?', 'medical_information'],
  ])('find "%s" (%s)', (text, kind) => {
    expect(kinds(text)).toContain(kind);
  });

  it('name the rule that fired, never the words', () => {
    const [finding] = ruled('I want to end my life');
    expect(finding).toMatchObject({ kind: 'crisis', source: 'rule', score: 1 });
    expect(finding!.cues).toEqual(['death_wish']);
  });

  it('leave hyperbole, worry and ordinary barriers alone', () => {
    for (const text of [
      'this price is killing me',
      "I'm dying to know when my refill ships",
      "I'm scared I'll get hives",
      'what if the pen jams?',
      'how do I get a copay card',
      'my reminder app stopped working',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('skip an event a negation governs, but never a crisis', () => {
    expect(kinds('I have never had an allergic reaction')).toEqual([]);
    expect(kinds('I had an allergic reaction')).toEqual(['adverse_event']);
    expect(kinds("I'm not suicidal, just broke")).toEqual(['crisis']);
  });

  it('report several kinds in one text, most severe first', () => {
    expect(kinds('I want to die. Also the pen jammed and I got hives, can I take Benadryl?')).toEqual([
      'crisis',
      'adverse_event',
      'product_complaint',
      'medical_information',
    ]);
  });

  it('finish on a megabyte single token and a megabyte of words', () => {
    expect(ruled('a'.repeat(1 << 20))).toEqual([]);
    expect(ruled('ok then '.repeat(1 << 17))).toEqual([]);
  });

  it('return only rule names as cues, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const f of ruled(text)) for (const cue of f.cues) expect(RULE_CUES.has(cue)).toBe(true);
      }),
    );
  });
});
