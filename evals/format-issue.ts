import type { z } from 'zod';

/** `cases.2.assert.0.value: Invalid option: …` — the path a suite author can find, then zod's message. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
}
