import { describe, expect, it } from 'vitest';
import { withoutHyperbole } from '../../../agents/safety/hyperbole.js';
import { loadSafetyLocale } from '../../../agents/safety/load-safety-locale.js';
import { analyseText, classifyText } from '../../../agents/safety/safety-classifier.js';
import { compileHyperbole, UnsafeRuleError } from '../../../agents/safety/safety-rules.js';
import { triageText } from '../../../agents/safety/triage-text.js';

const crisisOf = (text: string, locale = 'en-US') => triageText(text, locale).find((f) => f.kind === 'crisis');

describe('the hyperbole idioms in the rules files', () => {
  it('are held to the linear-time check and may not match the empty string', () => {
    expect(() => compileHyperbole({ locale: 'xx', hyperbole: ['(a+)+b'] })).toThrow(UnsafeRuleError);
    expect(() => compileHyperbole({ locale: 'xx', hyperbole: [{ pattern: 'x?', means: '' }] })).toThrow(
      UnsafeRuleError,
    );
    expect(compileHyperbole({ locale: 'xx', hyperbole: [] })).toEqual([]);
  });

  it('are loaded for both shipped locales', () => {
    for (const locale of ['en-US', 'es-US']) expect(loadSafetyLocale(locale).rules.hyperbole.length).toBeGreaterThan(5);
  });
});

describe('the second reading of a crisis score', () => {
  const data = loadSafetyLocale('en-US');
  const scores = (text: string, idioms = data.rules.hyperbole) => {
    const analysis = analyseText(text, data.profile, data.model.features);
    return withoutHyperbole(classifyText(data.model, analysis), analysis, idioms, data.model, data.profile);
  };

  it('changes nothing in a text with no idiom', () => {
    const text = 'I have been so tired lately and I keep giving my things away';
    expect(scores(text)).toEqual(scores(text, []));
  });

  it('changes only the crisis column', () => {
    const text = 'this copay is killing me and the pen jammed again';
    const [, ...others] = scores(text);
    const [, ...before] = scores(text, []);
    expect(others).toEqual(before);
  });

  it('reads an idiom with a thing as its object as no crisis, in both locales', () => {
    expect(crisisOf('the prior authorization is killing me')).toBeUndefined();
    expect(crisisOf('I would kill for a generic of this')).toBeUndefined();
    expect(crisisOf('el deducible me esta matando', 'es-US')).toBeUndefined();
  });

  // The rest of this text ("if i left early") still scores above the threshold: the second
  // reading lowers the score, it cannot make a bag of words read "left" as ordinary.
  it("reads someone's temper as temper: the crisis score falls", () => {
    const text = 'my boss would kill me if i left early';
    expect(scores(text)[0]!.score).toBeLessThan(scores(text, [])[0]!.score);
  });

  it('reads an idiom by its plain sense, so a wish to be gone stays a crisis', () => {
    expect(crisisOf("I'm dying to be gone for good")).toMatchObject({ source: 'classifier' });
  });

  it('never removes a crisis rule finding next to an idiom', () => {
    expect(crisisOf('this bill is killing me, I want to kill myself')).toMatchObject({ source: 'rule' });
    expect(crisisOf('este copago me esta matando, ya me quiero matar', 'es-US')).toMatchObject({ source: 'rule' });
  });
});
