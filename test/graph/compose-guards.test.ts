import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComplianceNode } from '../../agents/compliance-checker.js';
import { createComposeStack } from '../../src/compose/compose-stack.js';
import type { ComposeRequest } from '../../src/domain/compose.js';
import { RunSecretsStore } from '../../src/graph/run-secrets.js';
import type { ComposeStateType } from '../../src/graph/state.js';
import type { Runtime } from '../../src/runtime.js';
import type { ContentRepo } from '../../src/store/content-repo.js';
import { block, uniqueProgram, WINDOW } from '../support/blocks.js';
import { composeRequest, expectBlockedBy, frame, openMemoryRuntime, storeBlocks } from '../support/compose-fixtures.js';

/*
 * Rules the composer never breaks through the public API, because retrieval only offers usable
 * blocks for the programme, audience and channel, and the body is only ever verbatim block text.
 * Here the retrieval is made faulty on purpose (the search tool returns what it must not), and the
 * real graph, with the real compliance agent re-reading blocks from the store, must still block:
 *   expiry, audience, approved_content  -> graph level (this file, faulty retrieval)
 *   pii                                 -> agent level (this file, compliance node on a tampered message)
 *   consent, frequency, fair_balance, channel_fit, prohibited_claims -> HTTP (compose-statuses.int.test.ts)
 */
type Search = ContentRepo['search'];
let runtime: Runtime;
let stack: Awaited<ReturnType<typeof createComposeStack>>;
/** How the current test breaks retrieval; listing and the compliance agent's re-reading stay real. */
let fault: (real: Search) => Search = (real) => real;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
  const real = runtime.content.search;
  const content: ContentRepo = { ...runtime.content, search: (q, f) => fault(real)(q, f) };
  stack = await createComposeStack({ pool: runtime.store.pool, ...runtime, content });
});
afterAll(() => runtime?.store.close());

/** Composes with the real graph while the search tool misbehaves as `search` says. */
function composeWithSearch(search: (real: Search) => Search, body: unknown) {
  fault = search;
  return stack.runner.compose(body as ComposeRequest);
}

/** A programme with an SMS greeting and call to action, and `only` as its only cost block. */
async function programWith(only: (program: string) => ReturnType<typeof block>) {
  const program = uniqueProgram('guard');
  const b = only(program);
  await storeBlocks(runtime, [...frame(program), b]);
  return { program, id: b.id };
}

describe('compliance guards at the graph level (faulty retrieval)', () => {
  it('blocks an expired block with expiry failed', async () => {
    const { program, id } = await programWith((p) =>
      block({ program: p, channels: ['sms'], approval: WINDOW.expired }),
    );
    // Retrieval judges the approval window on a day in 2021, when the block was still current.
    const answer = await composeWithSearch(
      (real) => (q, f) => real(q, { ...f, at: '2021-06-01' }),
      composeRequest({ program }),
    );
    expectBlockedBy(answer, 'expiry');
    expect(answer.compliance.checks.find((c) => c.rule === 'expiry')?.detail).toContain(id);
  });

  it('blocks a block approved for another audience with audience failed', async () => {
    const { program, id } = await programWith((p) => block({ program: p, channels: ['sms'], audience: 'caregiver' }));
    // Retrieval forgets the audience filter.
    const answer = await composeWithSearch(
      (real) => (q, f) => real(q, { ...f, audience: undefined }),
      composeRequest({ program }),
    );
    expectBlockedBy(answer, 'audience');
    expect(answer.compliance.checks.find((c) => c.rule === 'audience')?.detail).toContain(id);
  });

  it('blocks text that is not the stored approved text with approved_content failed', async () => {
    const { program, id } = await programWith((p) => block({ program: p, channels: ['sms'] }));
    // Retrieval hands the composer an altered copy of the approved block.
    const altered: (real: Search) => Search = (real) => async (q, f) =>
      (await real(q, f)).map((b) => (b.id === id ? { ...b, text: 'Our card makes Testra cheaper for you.' } : b));
    const answer = await composeWithSearch(altered, composeRequest({ program }));
    expectBlockedBy(answer, 'approved_content');
    expect(answer.compliance.checks.find((c) => c.rule === 'approved_content')?.detail).toContain(id);
    for (const rule of ['expiry', 'audience', 'pii', 'prohibited_claims']) {
      expect(answer.compliance.checks.find((c) => c.rule === rule)?.passed).toBe(true);
    }
  });
});

describe('pii at the agent level', () => {
  it('fails pii, and only pii, when a personal value leaves in the message, and does not ask for a revision', async () => {
    const program = uniqueProgram('guard-pii');
    const blocks = frame(program);
    await storeBlocks(runtime, blocks);
    const secrets = new RunSecretsStore();
    const runId = 'msg_guard_pii';
    secrets.put(runId, { signals: [], personalValues: ['Maria Gonzalez', '555-867-5309'] });
    const request = composeRequest({ program });
    const state = {
      runId,
      today: new Date().toISOString().slice(0, 10),
      request,
      context: { locale: 'en-US', sentInWindow: 0, frequencyCap: 3, windowDays: 7 },
      round: 0,
      steps: [],
      message: {
        channel: 'sms',
        subject: 'For Maria Gonzalez, 555-867-5309',
        body: blocks.map((b) => b.text).join(' '),
        blocks: blocks.map((b) => ({ id: b.id, approvalCode: b.approval.code })),
      },
    } as unknown as ComposeStateType;
    const out = await createComplianceNode({ content: runtime.content, secrets })(state);
    expect(out.checks.filter((c) => !c.passed).map((c) => c.rule)).toEqual(['pii']);
    expect(out.checks.find((c) => c.rule === 'pii')?.detail).not.toMatch(/Maria|555-867/);
    expect(out.steps[0]!.output).toMatchObject({ verdict: 'fail', next: 'blocked' });
  });
});
