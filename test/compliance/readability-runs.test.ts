import { describe, expect, it } from 'vitest';
import { readingGrade } from '../../src/compliance/readability.js';
import { tokenize } from '../../src/content/embedder.js';

// A run of dots or quotes inside a token used to be re-read from each of its characters:
// 200,000 of them took minutes.
describe('text statistics on long runs', () => {
  it('does not end a sentence at a long run of dots inside a token', () => {
    const dots = '.'.repeat(200_000);
    expect(readingGrade(`We can help${dots}you now. Call us.`)).toBeCloseTo(
      readingGrade('We can help.you now. Call us.'),
      5,
    );
  });

  it('keeps a long run of quotes inside a search word and trims the ends', () => {
    const quotes = "'".repeat(200_000);
    expect(tokenize(`${quotes}copay${quotes}card${quotes}`)).toEqual([`copay${quotes}card`]);
  });
});
