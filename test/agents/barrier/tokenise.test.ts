import { describe, expect, it } from 'vitest';
import { CONCESSION_WEIGHT, tokenise } from '../../../agents/barrier/tokenise.js';

/** The words of a text as the classifier sees them: NOT_ marks a negated word. */
const marked = (text: string) => tokenise(text).map((t) => (t.negated ? `NOT_${t.word}` : t.word));

describe('tokenise: normalisation', () => {
  it('lowercases, drops punctuation and expands contractions written with or without the apostrophe', () => {
    expect(tokenise("I DON'T know!!").map((t) => t.word)).toEqual(['i', 'do', 'not', 'know']);
    expect(tokenise('dont know').map((t) => t.word)).toEqual(['do', 'not', 'know']);
    expect(tokenise('isnt it').map((t) => t.word)).toEqual(['is', 'not', 'it']);
    expect(tokenise('thx u r great').map((t) => t.word)).toEqual(['thanks', 'you', 'are', 'great']);
  });

  it('reads inability ("can\'t afford") as one word, not a negation of what follows', () => {
    for (const text of ["can't afford it", 'cant afford it', 'cannot afford it', 'unable to afford it']) {
      const words = tokenise(text);
      expect(words.map((t) => t.word)).toContain('cannot');
      expect(words.find((t) => t.word === 'afford')?.negated).toBe(false);
    }
  });

  it('stems inflections and replaces numbers with one token', () => {
    const stems = tokenise('forgetting costs 350 dollars').map((t) => t.stem);
    expect(stems).toEqual(['forget', 'cost', '#num', 'dollar']);
    expect(tokenise('worried').map((t) => t.stem)).toEqual(tokenise('worries').map((t) => t.stem));
  });
});

describe('tokenise: negation', () => {
  it('marks the words after a negator up to the end of the clause', () => {
    expect(marked('no side effects, just forgot')).toEqual(['no', 'NOT_side', 'NOT_effects', 'just', 'forgot']);
    expect(marked('i never have the money')).toEqual(['i', 'never', 'NOT_have', 'NOT_the', 'NOT_money']);
  });

  it('ends the scope at a contrast word as at punctuation', () => {
    expect(marked('not the money but the side effects')).toEqual([
      'not',
      'NOT_the',
      'NOT_money',
      'but',
      'the',
      'side',
      'effects',
    ]);
  });

  it('negates the subject of "is not the issue" and "is fine"', () => {
    expect(marked("cost isn't the issue")).toEqual(['NOT_cost', 'is', 'not', 'NOT_the', 'NOT_issue']);
    expect(marked('the price is fine')).toEqual(['NOT_the', 'NOT_price', 'is', 'fine']);
    expect(marked("i'm okay with the risks")).toContain('NOT_risks');
  });

  it('leaves a plain statement of the barrier unmarked', () => {
    expect(marked('cost is the issue')).toEqual(['cost', 'is', 'the', 'issue']);
  });
});

describe('tokenise: contrast', () => {
  it('weighs the conceded part before "but" or "the real problem" less than the point', () => {
    const tokens = tokenise('the copay is high but the real problem is my wife');
    expect(tokens.find((t) => t.word === 'copay')?.weight).toBe(CONCESSION_WEIGHT);
    expect(tokens.find((t) => t.word === 'wife')?.weight).toBe(1);
    const although = tokenise('although it is pricey, mostly i forget');
    expect(although.find((t) => t.word === 'pricey')?.weight).toBe(CONCESSION_WEIGHT);
    expect(although.find((t) => t.word === 'forget')?.weight).toBe(1);
  });
});
