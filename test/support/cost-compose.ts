import { expect } from 'vitest';
import type { TestService } from './service.js';

// biome-ignore lint/suspicious/noExplicitAny: the answers are read loosely, field by field
export type Loose = Record<string, any>;
export const json = async (r: Response) => ({ status: r.status, body: (await r.json()) as Loose });

/** Where a cost run goes: the subject's consents and the channel asked for (SMS unless said). */
export type CostRoute = { consents: Record<string, boolean>; channel: string };
const ON_SMS: CostRoute = { consents: { sms: true }, channel: 'sms' };

/**
 * A cost run for the subject (a late refill, "the copay is too expensive"), with its trace and the trace's
 * plan_strategy step, where the learner records its choice.
 */
export async function composeCost(
  svc: TestService,
  program: string,
  subject: string,
  preferences?: Loose,
  route: CostRoute = ON_SMS,
) {
  const answer = await json(
    await svc.call('POST', '/v1/compose', {
      key: 'client',
      body: {
        subject: {
          id: subject,
          audience: 'patient',
          consents: route.consents,
          ...(preferences ? { preferences } : {}),
        },
        program,
        channel: route.channel,
        signals: [
          { type: 'refill_missed', data: { daysLate: 9 } },
          { type: 'survey_response', data: { question: 'What got in the way?', answer: 'the copay is too expensive' } },
        ],
      },
    }),
  );
  expect(answer.status).toBe(200);
  const trace = await json(await svc.call('GET', `/v1/traces/${answer.body.traceId}`, { key: 'reviewer' }));
  const step = (trace.body.steps as Loose[]).find((s) => s.node === 'plan_strategy')!;
  return { answer: answer.body, step, trace: trace.body };
}
