import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AssertionFn } from '../../../evals/assertions/assertion-types.js';
import { ASSERTIONS, loadPlugins, runAssertion } from '../../../evals/assertions/registry.js';
import { composeAnswer, outcome } from '../fixtures/compose-answer.js';

const plugin = (name: string) => fileURLToPath(new URL(`../fixtures/plugins/${name}`, import.meta.url));
const approved = outcome(composeAnswer());

describe('runAssertion', () => {
  it('runs a registered assertion and labels it with its name', async () => {
    const result = await runAssertion({ type: 'status', value: 'approved', name: 'sent' }, approved, {});
    expect(result).toEqual({
      type: 'status',
      name: 'sent',
      pass: true,
      score: 1,
      reason: 'status approved, expected approved',
    });
  });

  it('fails an unknown type with a clear reason', async () => {
    expect(await runAssertion({ type: 'barier' }, approved, {})).toMatchObject({
      type: 'barier',
      name: 'barier',
      pass: false,
      score: 0,
      reason: 'unknown assertion type "barier"',
    });
  });

  it('turns a throw or bad arguments into a failing result', async () => {
    const registry: Record<string, AssertionFn> = {
      ...ASSERTIONS,
      boom: () => {
        throw new Error('store unavailable');
      },
    };
    expect((await runAssertion({ type: 'boom' }, approved, {}, registry)).reason).toBe(
      'boom could not run: store unavailable',
    );
    expect((await runAssertion({ type: 'barrier' }, approved, {})).reason).toMatch(
      /^barrier could not run: invalid arguments/,
    );
  });

  it('fails an answer that is not {pass, score, reason} and clamps scores', async () => {
    const registry: Record<string, AssertionFn> = {
      vague: () => ({ pass: 'yes' }) as never,
      eager: () => ({ pass: true, score: 7, reason: 'very' }),
    };
    expect((await runAssertion({ type: 'vague' }, approved, {}, registry)).pass).toBe(false);
    expect((await runAssertion({ type: 'eager' }, approved, {}, registry)).score).toBe(1);
  });
});

describe('loadPlugins', () => {
  it('adds a module’s assertions to the built-ins', async () => {
    const registry = await loadPlugins([plugin('support-line.ts')]);
    expect(Object.keys(registry)).toEqual([...Object.keys(ASSERTIONS), 'mentions_support_line']);
    const result = await runAssertion(
      { type: 'mentions_support_line', phone: '1-800-555-0142' },
      approved,
      {},
      registry,
    );
    expect(result).toMatchObject({ pass: true, reason: 'mentions 1-800-555-0142' });
  });

  it('rejects a module without assertions and one that redefines a built-in', async () => {
    await expect(loadPlugins([plugin('no-export.ts')])).rejects.toThrow(/exports no "assertions" record/);
    await expect(loadPlugins([plugin('shadows-no-pii.ts')])).rejects.toThrow(/assertion no_pii is already defined/);
  });
});
