import { describe, expect, it } from 'vitest';
import { allowedActions } from '../../../agents/learning/allowed-actions.js';
import { learnedStrategy } from '../../../agents/learning/learned-strategy.js';
import { createLearnerState, recordOutcome } from '../../../agents/learning/outcome-counts.js';
import type { ContentBlock } from '../../../src/domain/block.js';
import type { RunState } from '../../../src/domain/run-state.js';
import { afterStrategy } from '../../../src/graph/run-policy.js';
import { send } from './learning-fixtures.js';

const block = (id: string, bcts: string[], channels: ContentBlock['channels'], topics: string[] = []) =>
  ({ id, channels, tags: { barriers: ['cost'], bcts, topics } }) as unknown as ContentBlock;

const TABLE = { strategy: { techniques: [{ code: '3.2', name: 'Social support (practical)' }], rationale: 'table' } };

describe('allowedActions', () => {
  const blocks = [block('A', ['3.2', '12.1'], ['sms', 'email']), block('B', ['1.2'], ['email'], ['coverage'])];

  it('offers each technique a usable block carries on each channel the run may use, and skip', () => {
    expect(allowedActions({ barrier: 'cost', blocks, channels: ['sms', 'email'] })).toEqual([
      send('12.1', 'sms'),
      send('3.2', 'sms'),
      send('1.2', 'email'),
      send('12.1', 'email'),
      send('3.2', 'email'),
      { kind: 'skip' },
    ]);
  });

  it('leaves out blocks on topics the subject switched off, and everything when the barrier is off', () => {
    const allowed = allowedActions({ barrier: 'cost', blocks, channels: ['email'], topicsOff: ['coverage'] });
    expect(allowed.map((a) => (a.kind === 'send' ? a.technique : 'skip'))).toEqual(['12.1', '3.2', 'skip']);
    expect(allowedActions({ barrier: 'cost', blocks, channels: ['sms'], topicsOff: ['cost'] })).toEqual([
      { kind: 'skip' },
    ]);
  });
});

describe('learnedStrategy', () => {
  const allowed = [send('3.2', 'sms'), send('12.1', 'sms'), { kind: 'skip' } as const];

  it('cold start: the design table’s choice, in shadow and on alike', () => {
    for (const mode of ['shadow', 'on'] as const) {
      const r = learnedStrategy({
        mode,
        state: createLearnerState(),
        subject: 's1',
        barrier: 'cost',
        allowed,
        table: { ...TABLE, channel: 'sms' },
        seed: 'run-1',
      });
      expect(r.record).toMatchObject({
        coldStart: true,
        agree: true,
        skipUnobserved: true,
        policy: { technique: '3.2', channel: 'sms' },
      });
      expect(r.channel).toBe('sms');
      expect(r.strategy.techniques.map((t) => t.code)).toEqual(['3.2']);
    }
  });

  it('on: follows the evidence, says how it chose, replays from its seed; shadow keeps the table', () => {
    const state = createLearnerState();
    for (let i = 0; i < 30; i++) {
      recordOutcome(state, { subject: 's1', barrier: 'cost', action: send('12.1', 'sms'), achieved: true });
      recordOutcome(state, { subject: 's1', barrier: 'cost', action: send('3.2', 'sms'), achieved: false });
      recordOutcome(state, { subject: 's1', barrier: 'cost', action: { kind: 'skip' }, achieved: false });
    }
    const input = {
      state,
      subject: 's1',
      barrier: 'cost' as const,
      allowed,
      table: { ...TABLE, channel: 'sms' as const },
    };
    const on = learnedStrategy({ ...input, mode: 'on', seed: 'run-2' });
    expect(on.record.policy).toMatchObject({ technique: '12.1', channel: 'sms' });
    expect(on.strategy.techniques.map((t) => t.code)).toEqual(['12.1']);
    expect(on.strategy.rationale).toMatch(/^Learning \(exploited\): Chose 12\.1 /);
    expect(learnedStrategy({ ...input, mode: 'on', seed: 'run-2' }).record).toEqual(on.record);
    const shadow = learnedStrategy({ ...input, mode: 'shadow', seed: 'run-2' });
    expect(shadow.strategy).toBe(TABLE.strategy);
    expect(shadow.record).toMatchObject({ used: { technique: '3.2' }, policy: { technique: '12.1' }, agree: false });
    expect(JSON.stringify(shadow.record)).not.toContain('s1');
  });

  it('on: choosing to send nothing leaves no technique, and the graph ends the run there', () => {
    const state = createLearnerState();
    for (let i = 0; i < 30; i++) {
      recordOutcome(state, { subject: 's1', barrier: 'cost', action: { kind: 'skip' }, achieved: true });
      recordOutcome(state, { subject: 's1', barrier: 'cost', action: send('3.2', 'sms'), achieved: false });
    }
    const r = learnedStrategy({
      mode: 'on',
      state,
      subject: 's1',
      barrier: 'cost',
      allowed: [send('3.2', 'sms'), { kind: 'skip' }],
      table: { ...TABLE, channel: 'sms' },
      seed: 'run-3',
    });
    expect(r.strategy.techniques).toEqual([]);
    expect(r.channel).toBeNull();
    const run = { strategy: r.strategy, diagnosis: { barrier: 'cost' }, context: {} } as unknown as RunState;
    expect(afterStrategy(run)).toBe('finalize');
    const finding = { kind: 'adverse_event', score: 1, source: 'rule', cues: [], signalIndex: 0, signalType: 'chat' };
    expect(afterStrategy({ ...run, safety: { findings: [finding], error: null } } as RunState)).toBe(
      'assemble_message',
    );
  });
});
