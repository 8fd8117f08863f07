import { describe, expect, it } from 'vitest';
import type { ContentBlock } from '../../src/domain/block.js';
import type { RunState } from '../../src/domain/run-state.js';
import type { SafetyFinding } from '../../src/domain/safety.js';
import {
  afterAssembly,
  afterCompliance,
  afterDiagnosis,
  afterTriage,
  DEFAULT_RUN_POLICY,
  finalStatus,
  holdReason,
} from '../../src/graph/run-policy.js';

const f = (kind: SafetyFinding['kind'], signalIndex: number): SafetyFinding => ({
  kind,
  score: 0.8,
  source: 'rule',
  cues: [],
  signalIndex,
  signalType: 'chat_message',
});
const base = (over: Partial<RunState> = {}): RunState => ({
  runId: 'msg_1',
  traceId: 'trc_1',
  request: null,
  today: '2026-12-01',
  context: null,
  safety: { findings: [], error: null },
  diagnosis: { barrier: 'cost', confidence: 0.9, evidence: [], alternatives: [] },
  strategy: null,
  channel: 'sms',
  message: { channel: 'sms', subject: null, body: 'x', blocks: [{ id: 'B', approvalCode: 'C' }] },
  usedBlocks: [{ id: 'B', kind: 'support' } as ContentBlock],
  checks: [{ rule: 'consent', passed: true, detail: '', fixable: false }],
  readability: null,
  round: 0,
  revise: false,
  contentGap: null,
  status: null,
  holdReason: null,
  reviewId: null,
  decision: null,
  steps: [],
  ...over,
});
const approve = { decision: 'approve' as const, note: null, by: 'r', at: '2026-12-01T00:00:00Z' };

describe('the run policy with safety findings', () => {
  it('names the most severe kind first with its signals, and the others after', () => {
    const s = base({ safety: { findings: [f('medical_information', 2), f('adverse_event', 0)], error: null } });
    expect(holdReason(s, DEFAULT_RUN_POLICY)).toBe('adverse_event: signals [0]; also medical_information');
    const crisis = base({ safety: { findings: [f('adverse_event', 0), f('crisis', 1), f('crisis', 3)], error: null } });
    expect(holdReason(crisis, DEFAULT_RUN_POLICY)).toMatch(/^crisis: signals \[1\], \[3\]; also adverse_event$/);
  });

  it('outranks a content gap or low confidence, and a triage failure holds like a crisis', () => {
    const s = base({ holdReason: 'content_gap: none', safety: { findings: [f('product_complaint', 1)], error: null } });
    expect(holdReason(s, DEFAULT_RUN_POLICY)).toBe('product_complaint: signals [1]');
    const failed = base({ safety: { findings: [], error: 'Error: boom' } });
    expect(holdReason(failed, DEFAULT_RUN_POLICY)).toBe('safety_engine_error: Error: boom');
    expect(afterTriage(failed)).toBe('propose_resource');
  });

  it('never lets a finding run end approved or skipped without a person', () => {
    const s = base({ safety: { findings: [f('adverse_event', 0)], error: null } });
    expect(afterCompliance(DEFAULT_RUN_POLICY)(s)).toBe('hold_for_review');
    expect(afterCompliance(DEFAULT_RUN_POLICY)({ ...s, checks: [{ ...s.checks[0]!, passed: false }] })).toBe(
      'hold_for_review',
    );
    expect(afterAssembly({ ...s, message: null, round: 1 })).toBe('hold_for_review');
    expect(
      afterDiagnosis({ ...s, diagnosis: { barrier: 'none', confidence: 0.9, evidence: [], alternatives: [] } }),
    ).toBe('plan_strategy');
    // A crisis resource is never revised into a programme message.
    const crisis = base({ revise: true, safety: { findings: [f('crisis', 0)], error: null } });
    expect(afterCompliance(DEFAULT_RUN_POLICY)(crisis)).toBe('hold_for_review');
  });

  it('lets a reviewer approve a non-crisis finding, and after crisis only a crisis resource', () => {
    expect(finalStatus(base({ safety: { findings: [f('adverse_event', 0)], error: null }, decision: approve }))).toBe(
      'approved',
    );
    const crisis = { findings: [f('crisis', 0)], error: null };
    expect(finalStatus(base({ safety: crisis, decision: approve }))).toBe('blocked');
    const resource = [{ id: 'R', kind: 'resource' } as ContentBlock];
    expect(finalStatus(base({ safety: crisis, decision: approve, usedBlocks: resource }))).toBe('approved');
    expect(finalStatus(base({ safety: { findings: [], error: 'Error: x' }, decision: approve }))).toBe('blocked');
  });
});
