import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childEnv, finished, REPO_ROOT } from '../support/cli.js';

/** The held-out commands refuse a wrong argument with one line and exit code 2, not a stack trace. */
describe('the held-out commands’ arguments', () => {
  it.each([
    ['safety-curve-report', ['en-US', 'worry'], 'kind must be one of crisis'],
    ['safety-curve-report', ['en-US', 'crisis', 'a1'], 'sets are letters from'],
    ['safety-curve-report', ['xx-YY'], 'no held-out set a'],
    ['safety-report', ['en-US', 'z'], 'sets are letters from'],
    ['safety-report', ['en-US', 'ab'], 'one set letter'],
    ['safety-report', ['xx-YY'], 'no held-out set a for locale'],
  ])('evals/%s.ts refuses %j', async (script, args, message) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `evals/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: childEnv({}),
    });
    const result = await finished(child);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('usage: npm run eval:');
    expect(result.stderr).not.toContain('    at ');
  });
});
