import { describe, expect, it } from 'vitest';
import { readabilityReport, readingGrade } from '../../src/compliance/readability.js';

describe('readability', () => {
  it('computes the Flesch–Kincaid grade from words, sentences and syllables', () => {
    // 6 words, 1 sentence, 6 syllables.
    expect(readingGrade('The cat sat on the mat.')).toBeCloseTo(0.39 * 6 + 11.8 * 1 - 15.59, 5);
    // 9 words, 2 sentences, 11 syllables ("lower" and "refill" have two each).
    expect(readingGrade('We can help. Our card may lower your refill.')).toBeCloseTo(
      0.39 * 4.5 + (11.8 * 11) / 9 - 15.59,
      5,
    );
  });

  it('does not split sentences at dots inside URLs or numbers', () => {
    const one = readingGrade('See demo-support.example.com/isi for 0.9% rates.');
    expect(one).toBeGreaterThan(readingGrade('See demo. support. example.'));
  });

  it('reports a grade 8 target for patients and caregivers only', () => {
    const simple = 'Call us. We can help you pay for your shots.';
    expect(readabilityReport(simple, 'patient')).toMatchObject({ target: 8, withinTarget: true });
    expect(readabilityReport(simple, 'caregiver')?.target).toBe(8);
    const dense =
      'Evaluate patients for tuberculosis infection prior to initiating treatment with immunomodulatory biologic therapy.';
    expect(readabilityReport(dense, 'patient')?.withinTarget).toBe(false);
    expect(readabilityReport(dense, 'hcp')).toMatchObject({ target: null, withinTarget: null });
  });
});
