import { describe, expect, it } from 'vitest';
import { toDiagnosis } from '../../../agents/barrier/model-diagnosis.js';

const signals = [
  { type: 'refill_missed', data: { daysLate: 4 } },
  { type: 'survey_response', data: { answer: 'too expensive' } },
];

describe('toDiagnosis', () => {
  it('writes evidence from the cited indexes, in order and once each, and tidies the alternatives', () => {
    const diagnosis = toDiagnosis(
      {
        barrier: 'cost',
        confidence: 0.81234,
        evidence: [
          { signal: 1, type: 'survey_response' },
          { signal: 0, type: 'refill_missed' },
          { signal: 1, type: 'survey_response' },
        ],
        alternatives: [
          { barrier: 'access', confidence: 0.05 },
          { barrier: 'cost', confidence: 0.1 },
          { barrier: 'access', confidence: 0.09 },
          { barrier: 'trust', confidence: 0.02 },
          { barrier: 'emotional', confidence: 0.01 },
        ],
      },
      signals,
    );
    expect(diagnosis).toEqual({
      barrier: 'cost',
      confidence: 0.812,
      evidence: [
        'signals[0] refill_missed: cited by the model as evidence of cost',
        'signals[1] survey_response: cited by the model as evidence of cost',
      ],
      alternatives: [
        { barrier: 'access', confidence: 0.09 },
        { barrier: 'trust', confidence: 0.02 },
        { barrier: 'emotional', confidence: 0.01 },
      ],
    });
  });

  it('refuses evidence that names a signal the request does not have', () => {
    const answer = { barrier: 'cost' as const, confidence: 0.8, alternatives: [] };
    expect(toDiagnosis({ ...answer, evidence: [{ signal: 2, type: 'chat_message' }] }, signals)).toMatch(
      /invalid output/,
    );
    expect(toDiagnosis({ ...answer, evidence: [{ signal: 0, type: 'dose_missed' }] }, signals)).toMatch(
      /invalid output/,
    );
  });
});
