/**
 * Examples the OpenAPI document shows beside the schemas: the walk-through's requests (examples/ at the
 * repository root holds the same as files; a test checks both against the schemas).
 */
export const COMPOSE_REQUEST_EXAMPLE = {
  subject: { id: 'pt-0001', audience: 'patient', consents: { sms: true, email: true, push: false, web: true } },
  program: 'lumenzo-adherence',
  channel: 'auto',
  signals: [
    { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
    {
      type: 'survey_response',
      data: { question: 'What got in the way?', answer: 'the copay went up and I cant afford it' },
    },
  ],
};

export const COMPOSE_ANSWER_EXAMPLE = {
  id: 'msg_5f1c0a2e9b7d4c3a8e6f1b20',
  status: 'approved',
  diagnosis: {
    barrier: 'cost',
    confidence: 0.82,
    evidence: ['signal 1 (survey_response): cost words'],
    alternatives: [{ barrier: 'access', confidence: 0.07 }],
  },
  strategy: {
    techniques: [{ code: '3.2', name: 'Social support (practical)' }],
    rationale: 'Cost is a physical-opportunity barrier: practical support first.',
  },
  message: {
    channel: 'sms',
    subject: null,
    body: 'Lumenzo Savings may lower your copay. See lumenzo.example/savings',
    blocks: [{ id: 'LZ-COST-SMS-01', approvalCode: 'LZ-US-0110', version: 1 }],
  },
  compliance: { verdict: 'pass', checks: [{ rule: 'consent', passed: true, detail: 'sms is consented' }] },
  traceId: 'trc_0c9d8e7f6a5b4c3d2e1f0a9b',
};

/** The stream's events, one `data:` JSON line each. */
export const COMPOSE_STREAM_EXAMPLE = [
  'event: step',
  'data: {"node":"load_context","agent":null,"engine":"offline","durationMs":1.2,"output":{}}',
  '',
  'event: answer',
  'data: {"id":"msg_...","status":"approved", ...}',
  '',
].join('\n');

export const DECISION_EXAMPLE = { decision: 'approve', note: 'Question block is right when the reason is unknown.' };

export const IMPORT_EXAMPLE = {
  blocks: [
    {
      id: 'LZ-COST-01',
      program: 'lumenzo-adherence',
      brand: 'Lumenzo',
      audience: 'patient',
      channels: ['sms', 'email'],
      kind: 'support',
      tags: { barriers: ['cost'], bcts: ['3.2'] },
      text: 'Lumenzo Savings may lower what you pay.',
      approval: { code: 'LZ-US-0110', approvedAt: '2026-02-01', expiresAt: '2027-12-31' },
    },
  ],
};
