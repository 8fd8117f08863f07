import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BARRIERS as ALL_BARRIERS, type Barrier, type Block, type Channel } from '../../src/domain/block.js';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import {
  BARRIER_SIGNALS,
  CONTRACT_RULES,
  compose,
  composeRequest,
  DEMO_PROGRAM,
  demoBlocks,
  expectVerbatim,
  subjectId,
} from '../support/compose-fixtures.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
let library: Map<string, Block>;
beforeAll(async () => {
  svc = await startTestService();
  library = await demoBlocks();
});
afterAll(() => svc?.close());

// Every barrier but `none`, which is skipped rather than composed.
const BARRIERS = ALL_BARRIERS.filter((b) => b !== 'none');
const CASES = BARRIERS.flatMap((b) => (['sms', 'email'] as const).map((channel) => [b, channel] as const));

/** Everything the contract promises about an approved message built from the demo library. */
function expectApprovedFromLibrary(a: ComposeAnswer, barrier: Barrier, channel: Channel, audience = 'patient') {
  expect(a.status).toBe('approved');
  expect(a.id).toMatch(/^msg_/);
  expect(a.traceId).toMatch(/^trc_/);
  expect(a.diagnosis).toMatchObject({ barrier, confidence: expect.any(Number) });
  expect(a.diagnosis!.confidence).toBeGreaterThanOrEqual(0.5);
  expect(a.strategy!.techniques.length).toBeGreaterThanOrEqual(1);
  expect(a.strategy!.techniques.length).toBeLessThanOrEqual(3);

  const message = a.message!;
  expect(message.channel).toBe(channel);
  const used = message.blocks.map((ref) => {
    const stored = library.get(ref.id);
    expect(stored, `${ref.id} is a demo library block`).toBeDefined();
    expect(ref.approvalCode).toBe(stored!.approval.code);
    expect(stored!.audience).toBe(audience);
    expect(stored!.channels).toContain(channel);
    return stored!;
  });
  expectVerbatim(
    message.body,
    used.map((b) => b.text),
  );
  // The message addresses the diagnosed barrier, and any claim travels with its ISI.
  expect(used.some((b) => b.tags.barriers.includes(barrier))).toBe(true);
  if (used.some((b) => b.requiresIsi)) expect(used.some((b) => b.kind === 'isi')).toBe(true);
  expect(message.blocks.filter((b) => library.get(b.id)!.kind === 'greeting').length).toBeLessThanOrEqual(1);
  if (channel === 'sms') expect([...message.body].length).toBeLessThanOrEqual(320);

  expect(a.compliance.verdict).toBe('pass');
  const rules = a.compliance.checks.map((c) => c.rule);
  expect(rules).toEqual(expect.arrayContaining([...CONTRACT_RULES]));
  expect(a.compliance.checks.every((c) => c.passed)).toBe(true);
}

describe('POST /v1/compose with the demo library, for every barrier', () => {
  it.each(CASES)(
    '%s on %s: approved, from approved blocks only, verbatim, every rule passed',
    async (barrier, channel) => {
      const body = composeRequest({ subject: subjectId(barrier), channel, signals: BARRIER_SIGNALS[barrier] });
      const answer = await compose(svc, body);
      expectApprovedFromLibrary(answer, barrier, channel);
      // Evidence cites signals by index and type, never the person's words.
      expect(answer.diagnosis!.evidence.join(' ')).toMatch(/signals\[\d+\]/);
      for (const signal of body.signals) {
        const text = (signal.data?.answer ?? signal.data?.text) as string | undefined;
        if (text) expect(JSON.stringify(answer)).not.toContain(text);
      }
    },
  );

  it('answers none with skipped: no message, nothing to check against a message', async () => {
    const answer = await compose(svc, composeRequest({ subject: subjectId('none'), signals: BARRIER_SIGNALS.none }));
    expect(answer.status).toBe('skipped');
    expect(answer.message).toBeNull();
    expect(answer.diagnosis!.barrier).toBe('none');
    expect(answer.review).toBeUndefined();
  });

  it('composes for clinicians from the hcp programme only (access, email)', async () => {
    const body = composeRequest({
      subject: subjectId('hcp'),
      audience: 'hcp',
      program: 'lumenzo-hcp',
      channel: 'email',
      signals: BARRIER_SIGNALS.access,
    });
    const answer = await compose(svc, body);
    expectApprovedFromLibrary(answer, 'access', 'email', 'hcp');
    for (const b of answer.message!.blocks) expect(library.get(b.id)!.program).toBe('lumenzo-hcp');
  });

  it('composes for caregivers from caregiver blocks only', async () => {
    const signals = BARRIER_SIGNALS.forgetfulness;
    const body = composeRequest({ subject: subjectId('cg'), audience: 'caregiver', channel: 'email', signals });
    const answer = await compose(svc, body);
    expectApprovedFromLibrary(answer, 'forgetfulness', 'email', 'caregiver');
    for (const b of answer.message!.blocks) expect(library.get(b.id)!.program).toBe(DEMO_PROGRAM);
  });
});
