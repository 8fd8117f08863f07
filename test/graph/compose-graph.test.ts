import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComposeStack } from '../../src/compose/compose-stack.js';
import type { ComposeRequest } from '../../src/domain/compose.js';
import type { StepRecord } from '../../src/domain/step.js';
import { createLogger } from '../../src/logger.js';
import { loadDemoLibrary, type Runtime } from '../../src/runtime.js';
import { block, uniqueProgram } from '../support/blocks.js';
import {
  BARRIER_SIGNALS,
  composeRequest,
  expectBlockedBy,
  frame,
  openMemoryRuntime,
  storeBlocks,
  WEAK_SIGNALS,
} from '../support/compose-fixtures.js';

// The real compose graph and agents over a real (in-memory) store, driven through the runner.
let runtime: Runtime;
let stack: Awaited<ReturnType<typeof createComposeStack>>;
beforeAll(async () => {
  runtime = await openMemoryRuntime();
  await loadDemoLibrary(runtime, createLogger('silent'));
  stack = await createComposeStack({ pool: runtime.store.pool, ...runtime });
});
afterAll(() => runtime?.store.close());

/** Composes and records every node the graph ran, in order, with that node's step. */
async function run(body: unknown) {
  const steps: Array<{ node: string; step: StepRecord }> = [];
  const answer = await stack.runner.compose(body as ComposeRequest, { onStep: (e) => steps.push(e) });
  return { answer, nodes: steps.map((s) => s.node), steps };
}
const checkSteps = (steps: Array<{ node: string; step: StepRecord }>) =>
  steps.filter((s) => s.node === 'check_compliance').map((s) => s.step.output);

/** A programme with a greeting and a call to action on SMS, and the given cost blocks (texts). */
async function programWithCostBlocks(...texts: string[]) {
  const program = uniqueProgram('graph');
  const blocks = texts.map((text) => block({ program, channels: ['sms'], text }));
  await storeBlocks(runtime, [...frame(program), ...blocks]);
  return { program, ids: blocks.map((b) => b.id) };
}

describe('compose graph routing', () => {
  it('ends skipped after diagnosis when there is no barrier, without planning or assembling', async () => {
    const { answer, nodes } = await run(composeRequest({ signals: BARRIER_SIGNALS.none }));
    expect(nodes).toEqual(['load_context', 'triage_safety', 'diagnose_barrier', 'finalize']);
    expect(answer).toMatchObject({ status: 'skipped', message: null, strategy: null });
    expect(answer.diagnosis?.barrier).toBe('none');
  });

  it('runs every node once for a clean message and approves it', async () => {
    const { answer, nodes } = await run(composeRequest({ signals: BARRIER_SIGNALS.cost }));
    expect(nodes).toEqual([
      'load_context',
      'triage_safety',
      'diagnose_barrier',
      'plan_strategy',
      'assemble_message',
      'check_compliance',
      'finalize',
    ]);
    expect(answer.status).toBe('approved');
  });

  it('revises a fixable fault with other approved blocks, then approves', async () => {
    // The block most relevant to the cost plan and the person's words makes a guarantee, so it is
    // chosen first; a revision must swap it for the clean one.
    const { program, ids } = await programWithCostBlocks(
      'Practical help with the cost of your copay is guaranteed when you cannot afford it.',
      'Our team can check your coverage.',
    );
    const { answer, nodes, steps } = await run(composeRequest({ program }));
    expect(nodes.filter((n) => n === 'assemble_message')).toHaveLength(2);
    expect(checkSteps(steps).map((o) => o.next)).toEqual(['revise', 'pass']);
    expect(checkSteps(steps)[0]!.failing).toEqual(['prohibited_claims']);
    expect(answer.status).toBe('approved');
    expect(answer.message?.blocks.map((b) => b.id)).toContain(ids[1]);
    expect(answer.message?.body).not.toMatch(/guarantee/i);
  });

  it('revises at most twice, then ends blocked with the fault named', async () => {
    // One SMS block longer than 320 characters: every revision chooses it again, and it never fits.
    const { program } = await programWithCostBlocks(
      `${'Our team can help you lower what you pay. '.repeat(8)}Call us.`,
    );
    const { answer, nodes, steps } = await run(composeRequest({ program }));
    expect(nodes.filter((n) => n === 'assemble_message')).toHaveLength(3);
    expect(checkSteps(steps).map((o) => o.next)).toEqual(['revise', 'revise', 'blocked']);
    expect(nodes.at(-1)).toBe('finalize');
    expectBlockedBy(answer, 'channel_fit');
  });

  it('ends blocked, not held, when a revision has no other block to offer', async () => {
    const { program } = await programWithCostBlocks('Our savings card is guaranteed to lower your costs.');
    const { answer, nodes } = await run(composeRequest({ program }));
    expect(nodes.filter((n) => n === 'assemble_message')).toHaveLength(2);
    expect(nodes.at(-1)).toBe('finalize');
    expectBlockedBy(answer, 'prohibited_claims');
    expect(answer.review).toBeUndefined();
  });

  it('does not revise a fault no other block can fix (consent)', async () => {
    const consents = { sms: false, email: true, push: false, web: true };
    const { answer, nodes } = await run(composeRequest({ consents, channel: 'sms' }));
    expect(nodes.filter((n) => n === 'assemble_message')).toHaveLength(1);
    expectBlockedBy(answer, 'consent');
  });

  it('holds a low-confidence run at a persisted interrupt until a reviewer decides', async () => {
    const { answer, nodes } = await run(composeRequest({ signals: WEAK_SIGNALS }));
    expect(answer.status).toBe('needs_review');
    expect(answer.diagnosis!.confidence).toBeLessThan(0.5);
    expect(answer.review).toEqual({
      id: expect.stringMatching(/^rev_/),
      reason: expect.stringMatching(/low_confidence/),
    });
    // The graph passed compliance, the run policy held it, and it stopped inside human_review: the checkpoint says so.
    expect(nodes.slice(-2)).toEqual(['check_compliance', 'hold_for_review']);
    const saver = new PostgresSaver(runtime.store.pool);
    const state = await stack.graph
      .compile({ checkpointer: saver })
      .getState({ configurable: { thread_id: answer.id } });
    expect(state.next).toEqual(['human_review']);
    expect(state.tasks[0]?.interrupts[0]?.value).toMatchObject({ reviewId: answer.review!.id });

    const decision = { decision: 'approve' as const, note: null, by: 'reviewer', at: new Date().toISOString() };
    const resumed = await stack.runner.resume(answer.id, answer.review!.id, decision);
    expect(resumed.status).toBe('approved');
    expect(resumed.compliance.checks.find((c) => c.rule === 'review')).toMatchObject({ passed: true });
  });

  it('holds a run for review with content_gap when no block addresses the barrier', async () => {
    const program = uniqueProgram('graph-gap');
    const question = block({ program, channels: ['sms'], kind: 'question', tags: { barriers: [], bcts: [] } });
    await storeBlocks(runtime, [...frame(program), question]);
    const { answer } = await run(composeRequest({ program }));
    expect(answer).toMatchObject({
      status: 'needs_review',
      review: { reason: 'content_gap: no usable en-US block for cost on sms' },
    });
    expect(answer.message?.blocks.map((b) => b.id)).toContain(question.id);
    const gaps = await runtime.runs.contentGaps();
    expect(gaps).toContainEqual(
      expect.objectContaining({ program, barrier: 'cost', channel: 'sms', locale: 'en-US', count: 1 }),
    );
  });
});
