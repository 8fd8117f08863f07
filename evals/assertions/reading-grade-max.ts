import { z } from 'zod';
import { readingGrade } from '../../src/compliance/readability.js';
import { defineAssertion, verdict } from './define-assertion.js';

/**
 * The body's Flesch–Kincaid grade is at most `value`, measured the way compliance reports it;
 * nothing sent is readable enough. The score falls by a tenth per grade over.
 */
export const readingGradeMax = defineAssertion(z.strictObject({ value: z.number().min(0) }), (outcome, { value }) => {
  const body = outcome.answer.message?.body;
  if (body === undefined) return verdict(true, `no message (status ${outcome.answer.status})`);
  const grade = Math.round(readingGrade(body) * 10) / 10;
  const pass = grade <= value;
  return verdict(pass, `reading grade ${grade} (max ${value})`, pass ? 1 : Math.max(0, 1 - (grade - value) / 10));
});
