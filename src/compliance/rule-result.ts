import type { RuleResult } from '../domain/compliance.js';

/** Builders so every rule reports in the same shape; blockIds only when a block is at fault. */
export const pass = (rule: string, detail: string): RuleResult => ({ rule, passed: true, detail, fixable: false });

export function fail(rule: string, detail: string, fixable: boolean, blockIds?: string[]): RuleResult {
  return { rule, passed: false, detail, fixable, ...(blockIds?.length ? { blockIds } : {}) };
}

/** "1 block" / "2 blocks": details are read by reviewers, so the grammar matters. */
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
