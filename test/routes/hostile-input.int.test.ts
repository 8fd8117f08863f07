import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

const valid = REQUESTS.cost('hostile-base');
const withSubject = (fields: Record<string, unknown>) => ({ ...valid, subject: { ...valid.subject, ...fields } });
const withSignal = (signal: unknown) => ({ ...valid, signals: [signal] });
const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const block = {
  id: 'HOSTILE-1',
  program: 'hostile',
  audience: 'patient',
  channels: ['sms'],
  kind: 'claim',
  text: 'Text.',
  approval: { code: 'C-1', approvedAt: '2026-01-01', expiresAt: '2027-01-01' },
};

const HOSTILE: Array<[string, string, string, unknown]> = [
  ['a NUL in the subject id', 'POST', '/v1/compose', withSubject({ id: 'a\u0000b' })],
  ['a NUL in the programme', 'POST', '/v1/compose', { ...valid, program: 'lumenzo\u0000' }],
  ['a NUL in a signal type', 'POST', '/v1/compose', withSignal({ type: 'chat\u0000message' })],
  ['a NUL in free text', 'POST', '/v1/compose', withSignal({ type: 'chat_message', data: { text: 'hi\u0000' } })],
  ['a NUL in a data key', 'POST', '/v1/compose', withSignal({ type: 'chat_message', data: { 'te\u0000xt': 'hi' } })],
  ['a lone surrogate in the subject id', 'POST', '/v1/compose', withSubject({ id: 'a\ud800' })],
  [
    'a lone surrogate in free text',
    'POST',
    '/v1/compose',
    withSignal({ type: 'chat_message', data: { text: 'x\udc00' } }),
  ],
  ['JSON nested 5,000 deep', 'POST', '/v1/compose', nested(5000)],
  [
    'signal data nested 5,000 deep',
    'POST',
    '/v1/compose',
    `{"subject":{"id":"x","audience":"patient"},"program":"p","signals":[{"type":"t","data":{"a":${nested(5000)}}}]}`,
  ],
  [
    '500 KB of free text in one answer',
    'POST',
    '/v1/compose',
    withSignal({ type: 'survey_response', data: { answer: 'a'.repeat(500_000) } }),
  ],
  [
    'a thousand extra subject fields',
    'POST',
    '/v1/compose',
    withSubject(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`f${i}`, 'x']))),
  ],
  ['a NUL in a block field', 'POST', '/v1/content/import', { blocks: [{ ...block, text: 'Te\u0000xt.' }] }],
  ['a NUL in a query parameter', 'GET', '/v1/content/blocks?program=a%00b', undefined],
  ['a NUL in a search', 'GET', '/v1/content/blocks?q=a%00b', undefined],
  ['a NUL in a path parameter', 'GET', '/v1/messages/a%00b', undefined],
  ['a NUL in a trace id', 'GET', '/v1/traces/trc_%00', undefined],
  [
    'a __proto__ key in signal data',
    'POST',
    '/v1/compose',
    `{"subject":{"id":"x","audience":"patient"},"program":"p","signals":[{"type":"t","data":{"__proto__":{"text":"x"}}}]}`,
  ],
  ['a malformed escape in a subject id', 'PUT', '/v1/subjects/a%ZZb', { audience: 'patient' }],
  ['an escaped lone surrogate in a subject id', 'PUT', '/v1/subjects/%ED%A0%80', { audience: 'patient' }],
  ['an overlong UTF-8 escape in a message id', 'GET', '/v1/messages/%C0%AF', undefined],
  ['a NUL in a review id', 'POST', '/v1/reviews/rev_%00/decision', { decision: 'approve' }],
  ['a NUL in a programme path', 'PUT', '/v1/programs/a%00b/settings', { frequencyCap: 1, frequencyWindowDays: 1 }],
  ['a NUL in an erased subject', 'DELETE', '/v1/subjects/a%00b', undefined],
  ['a NUL in an eval run id', 'GET', '/v1/evals/runs/a%00b', undefined],
  ['a NUL in a suite', 'POST', '/v1/evals/runs', { suiteYaml: 'name: "a\\0b"\ncases: []\n' }],
  [
    'a YAML alias bomb',
    'POST',
    '/v1/evals/runs',
    {
      suiteYaml:
        'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nname: x\n',
    },
  ],
];

describe('input the service cannot store or should not walk is a 400 problem, never a 500', () => {
  it.each(HOSTILE)('%s', async (_why, method, path, body) => {
    const res = await svc.call(method, path, { body });
    await expectProblem(res, 400);
  });

  it('does not disturb other requests in flight: 200 valid requests beside the hostile ones all succeed', async () => {
    const subject = subjectId('bystander');
    const hostile = HOSTILE.map(([, method, path, body]) => svc.call(method, path, { body }));
    const bystanders = Array.from({ length: 200 }, (_, i) =>
      i % 10 === 0
        ? svc.call('POST', '/v1/compose', { key: 'client', body: REQUESTS.onTrack(`${subject}-${i}`) })
        : svc.call('GET', '/v1/content/blocks?program=lumenzo-adherence&limit=5', { key: 'strategist' }),
    );
    const [h, b] = await Promise.all([Promise.all(hostile), Promise.all(bystanders)]);
    expect(h.map((r) => r.status)).toEqual(HOSTILE.map(() => 400));
    expect(b.map((r) => r.status)).toEqual(bystanders.map(() => 200));
  });
});

describe('a body not sent as JSON', () => {
  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
  ])('(%s) is a 415 problem saying how to send it', async (_kind, headers) => {
    const res = await svc.call('POST', '/v1/compose', { key: 'client', body: JSON.stringify(valid), headers });
    expect((await expectProblem(res, 415)).detail).toMatch(/Content-Type: application\/json/);
  });
});

describe('problem details never echo what could be personal data', () => {
  it.each([
    ['a suite named by an email address', 'POST', '/v1/evals/runs', { suite: 'jane.roe@example.com' }, 'jane.roe'],
    ['an eval run id that is an SSN', 'POST', '/v1/evals/runs/123-45-6789/accept', undefined, '123-45-6789'],
    ['an eval run id that is an SSN, read', 'GET', '/v1/evals/runs/123-45-6789', undefined, '123-45-6789'],
    [
      'a comparison of runs named by phone numbers',
      'GET',
      '/v1/evals/compare?base=555-010-7788&head=555-010-7789',
      undefined,
      '555-010-77',
    ],
    ['an unknown route holding an email', 'GET', '/v1/nowhere/jane.roe@example.com', undefined, 'jane.roe'],
    [
      'a review id that is an email',
      'POST',
      '/v1/reviews/jane.roe@example.com/decision',
      { decision: 'approve' },
      'jane.roe',
    ],
  ])('%s', async (_why, method, path, body, secret) => {
    const res = await svc.call(method, path, { body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const problem = await expectProblem(res, res.status);
    expect(JSON.stringify(problem)).not.toContain(secret);
  });
});
