import { describe, expect, it } from 'vitest';
import { readLanguageProfile, stemWord } from '../../../agents/safety/language-profile.js';
import { localeFiles } from '../../../agents/safety/locale-files.js';
import { cleanWord, foldText, MAX_WORD_CHARS, tokenise } from '../../../agents/safety/safety-tokenise.js';

const en = readLanguageProfile(localeFiles('en-US').language);
const words = (text: string) => tokenise(text, en).tokens.map((t) => t.word);
const marked = (text: string) =>
  tokenise(text, en).tokens.map((t) => `${t.negated ? '!' : ''}${t.hypothetical ? '?' : ''}${t.word}`);

describe('safety tokenising (en-US profile)', () => {
  it('folds case, accents and curly apostrophes', () => {
    expect(foldText('Café DÉJÀ I’m')).toBe("cafe deja i'm");
  });

  it('undoes leetspeak inside words and squeezes letter runs, but keeps numbers', () => {
    expect(cleanWord('su1c1de')).toBe('suicide');
    expect(cleanWord('killlllll')).toBe('kill');
    expect(cleanWord('2026')).toBe('2026');
  });

  it('expands slang and contractions from the profile', () => {
    expect(words('i wanna kms')).toEqual(['i', 'want', 'to', 'kill', 'myself']);
    expect(words("I can't, I won't")).toEqual(['i', 'cannot', 'i', 'will', 'not']);
    expect(words('went to the ER')).toEqual(['went', 'to', 'the', 'emergency', 'room']);
  });

  it('marks what a negation governs, until the clause ends', () => {
    expect(marked("I haven't had any rash, my face swelled")).toEqual([
      'i',
      'have',
      'not',
      '!had',
      '!any',
      '!rash',
      'my',
      'face',
      'swelled',
    ]);
  });

  it('marks worry about what has not happened as hypothetical, and "because" ends it', () => {
    expect(marked("I'm scared I'll get hives")).toEqual(['i', 'am', 'scared', '?i', '?will', '?get', '?hives']);
    expect(marked('I am scared because I got hives')).toEqual(['i', 'am', 'scared', 'because', 'i', 'got', 'hives']);
  });

  it('marks the words of a question', () => {
    const { tokens } = tokenise('My skin is fine. Can I drink wine?', en);
    expect(tokens.map((t) => t.question)).toEqual([false, false, false, false, true, true, true, true]);
  });

  it('gives rules a normalised string with boundaries', () => {
    expect(tokenise('Pen jammed!!  Can I use another?', en).normalised).toBe('pen jammed ! can i use another ?');
  });

  it('reads a megabyte word as one short word', () => {
    const { tokens } = tokenise('x'.repeat(1 << 20), en);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.word.length).toBeLessThanOrEqual(MAX_WORD_CHARS);
  });

  it('stems with the profile suffix rules, in at most two passes', () => {
    expect(stemWord('needles', en)).toBe(stemWord('needle', en));
    expect(stemWord('swelling', en)).toBe('swell');
    expect(stemWord('less', en)).toBe('less');
  });
});
