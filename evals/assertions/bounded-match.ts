import { createContext, Script } from 'node:vm';

const TEST = new Script('pattern.test(text)');

/**
 * Tests a user's pattern against text under a time budget: a pattern that backtracks catastrophically
 * is stopped (V8 interrupts the match) instead of holding the run. Answers undefined when it ran out.
 */
export function testWithin(pattern: RegExp, text: string, budgetMs: number): boolean | undefined {
  try {
    return TEST.runInContext(createContext({ pattern, text }), { timeout: budgetMs }) === true;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return undefined;
    throw err;
  }
}
