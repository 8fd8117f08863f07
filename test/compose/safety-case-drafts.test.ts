import { describe, expect, it } from 'vitest';
import { caseDrafts, dueHours } from '../../src/compose/safety-case-drafts.js';
import type { RunState } from '../../src/domain/run-state.js';
import type { SafetyFinding } from '../../src/domain/safety.js';

const f = (kind: SafetyFinding['kind'], signalIndex: number): SafetyFinding => ({
  kind,
  score: 0.9,
  source: 'rule',
  cues: [],
  signalIndex,
  signalType: 'chat_message',
});
const state = (findings: SafetyFinding[], safetyReportHours?: number) =>
  ({
    runId: 'msg_1',
    request: {
      subject: { id: 'pt-1', audience: 'patient', consents: {} },
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: [
        { type: 'chat_message', data: { text: 'I got hives after my shot, [NAME] says hi' } },
        { type: 'refill_missed' },
        { type: 'survey_response', data: { question: 'q', answer: 'Can I take it while pregnant?' } },
      ],
    },
    context: { safetyReportHours },
    safety: { findings, error: null },
  }) as unknown as RunState;
const at = new Date('2026-12-01T10:00:00.000Z');
const run = { subjectId: 'pt-1', program: 'lumenzo-adherence', product: 'Lumenzo', detectedAt: at };

describe('safety case drafts', () => {
  it('opens one case per kind (none for crisis) with the redacted words of its own signals', () => {
    const drafts = caseDrafts(
      state([f('crisis', 0), f('adverse_event', 0), f('adverse_event', 0), f('medical_information', 2)]),
      run,
    );
    expect(drafts.map((d) => [d.kind, d.signals, d.dueBy])).toEqual([
      ['adverse_event', [0], '2026-12-02T10:00:00.000Z'],
      ['medical_information', [2], '2026-12-04T10:00:00.000Z'],
    ]);
    expect(drafts[0]).toMatchObject({ runId: 'msg_1', subjectRef: 'pt-1', product: 'Lumenzo' });
    expect(drafts[0]!.narrative).toBe('[0] I got hives after my shot, [NAME] says hi');
    expect(drafts[1]!.narrative).toBe('[2] Can I take it while pregnant?');
  });

  it('lets a programme shorten the 24 h report window, never lengthen it or the 72 h one', () => {
    expect([dueHours('adverse_event', 12), dueHours('product_complaint', 48), dueHours('adverse_event', null)]).toEqual(
      [12, 24, 24],
    );
    expect(dueHours('medical_information', 12)).toBe(72);
    expect(caseDrafts(state([f('product_complaint', 0)], 6), run)[0]!.dueBy).toBe('2026-12-01T16:00:00.000Z');
  });
});
