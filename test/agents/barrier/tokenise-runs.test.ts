import { describe, expect, it } from 'vitest';
import { tokenise } from '../../../agents/barrier/tokenise.js';

// A run of quotes inside a word used to be re-read from each quote while trimming the word's
// ends: 200,000 of them took minutes.
describe('tokenise on long runs', () => {
  it('keeps a word with a long run of quotes inside it as one word, and trims the ends', () => {
    const quotes = "'".repeat(200_000);
    const words = tokenise(`${quotes}a${quotes}b${quotes} cost`).map((t) => t.word);
    expect(words).toHaveLength(2);
    expect(words[0]).toBe('ab');
    expect(words[1]).toBe('cost');
  });
});
