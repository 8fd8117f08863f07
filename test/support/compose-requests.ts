import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import type { TestService } from './service.js';

const PROGRAM = 'lumenzo-adherence';

/** A pseudonymous subject id no other test uses. */
export const subjectId = (label = 'pt') => `${label}-${randomUUID().slice(0, 8)}`;

type Signal = { type: string; at?: string; data?: Record<string, unknown> };
type Extra = Record<string, unknown>;

export type ComposeBody = {
  subject: { id: string; audience: string; consents: Record<string, boolean> } & Extra;
  program: string;
  channel: string;
  signals: Signal[];
};

const consents = { sms: true, email: true, push: false, web: true };

export function composeBody(
  id: string,
  signals: Signal[],
  opts: { extra?: Extra; channel?: string } = {},
): ComposeBody {
  return {
    subject: { id, audience: 'patient', consents, ...opts.extra },
    program: PROGRAM,
    channel: opts.channel ?? 'sms',
    signals,
  };
}

/**
 * Requests whose outcome the offline engine decides the same way every time:
 * - `lowConfidence`: a missed refill alone says nothing about why → held (`low_confidence`);
 * - `crisis`: crisis language in chat → held (`crisis: signals [0]`, only a crisis resource proposed);
 * - `cost`: a clear cost answer plus a savings page view → approved;
 * - `noConsent`: sms is not consented → blocked by `consent`;
 * - `onTrack`: a refill on time → skipped.
 */
export const REQUESTS = {
  lowConfidence: (id: string, extra?: Extra) =>
    composeBody(id, [{ type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } }], { extra }),
  crisis: (id: string, text = 'Honestly I want to end it all, nothing helps anymore', extra?: Extra) =>
    composeBody(id, [{ type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text } }], { extra }),
  cost: (id: string, answer = 'It is too expensive, my copay is $300 and I cannot afford it', extra?: Extra) =>
    composeBody(
      id,
      [
        { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
        { type: 'survey_response', data: { question: 'What got in the way of your refill?', answer } },
        { type: 'page_view', data: { topic: 'savings' } },
      ],
      { extra },
    ),
  noConsent: (id: string, extra?: Extra) => {
    const body = REQUESTS.cost(id, 'The price went up and I cannot pay for it', extra);
    body.subject.consents = { sms: false, email: false, push: false, web: false };
    return body;
  },
  onTrack: (id: string, extra?: Extra) =>
    composeBody(id, [{ type: 'refill_on_time', at: '2026-11-20T10:00:00Z' }], { extra }),
};

/** Composes with a client key and returns the 200 answer. */
export async function compose(svc: TestService, body: unknown, expectStatus?: ComposeAnswer['status']) {
  const res = await svc.call('POST', '/v1/compose', { key: 'client', body });
  expect(res.status).toBe(200);
  const answer = (await res.json()) as ComposeAnswer;
  if (expectStatus) expect(answer.status, JSON.stringify(answer.compliance)).toBe(expectStatus);
  return answer;
}

/** Composes a run that is held for review and returns its answer (with `review`). */
export async function composeHeld(svc: TestService, id = subjectId('held')) {
  const answer = await compose(svc, REQUESTS.lowConfidence(id), 'needs_review');
  expect(answer.review?.id).toMatch(/^rev_/);
  return answer as ComposeAnswer & { review: { id: string; reason: string } };
}

/** GETs a JSON answer with the given key, expecting 200. */
export async function getJson<T>(svc: TestService, path: string, key: 'admin' | 'reviewer' | 'client' = 'reviewer') {
  const res = await svc.call('GET', path, { key });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

export type Review = {
  id: string;
  runId: string;
  status: 'pending' | 'deciding' | 'approved' | 'rejected' | 'withdrawn';
  reason: string;
  createdAt: string;
  decision: string | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  diagnosis: ComposeAnswer['diagnosis'];
  strategy: ComposeAnswer['strategy'];
  message: ComposeAnswer['message'];
  checks: ComposeAnswer['compliance']['checks'];
  traceId: string;
};
/** The answer to POST /v1/reviews/{id}/decision. */
export type Decided = { review: Review; answer: ComposeAnswer };

type TraceStep = {
  step: number;
  kind: string;
  node: string;
  agent: string | null;
  engine: string;
  startedAt: string;
  durationMs: number;
  input: Record<string, unknown>;
  output: Record<string, unknown>;
  toolCalls: Array<{ name: string; args: Record<string, unknown>; result: unknown }>;
  modelCalls: unknown[];
  personalDigest?: string;
  personal?: unknown;
  hash: string;
};
export type Trace = {
  traceId: string;
  runId: string;
  program: string;
  createdAt: string;
  answer: ComposeAnswer;
  steps: TraceStep[];
};
export type Verification = {
  traceId: string;
  records: number;
  intact: boolean;
  problems: Array<{ step: number; problem: string }>;
};
export type TraceSummary = {
  traceId: string;
  runId: string;
  status: string;
  barrier: string | null;
  program: string;
  channel: string | null;
  createdAt: string;
};

export const getTrace = (svc: TestService, traceId: string) => getJson<Trace>(svc, `/v1/traces/${traceId}`);
export const verifyTrace = (svc: TestService, traceId: string) =>
  getJson<Verification>(svc, `/v1/traces/${traceId}/verify`);

/** Follows nextCursor through every page of a listing and returns all rows. */
export async function allPages<T>(
  svc: TestService,
  path: string,
  field: string,
  key: 'admin' | 'reviewer' = 'reviewer',
): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page: Record<string, unknown> = await getJson(
      svc,
      cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
      key,
    );
    rows.push(...(page[field] as T[]));
    cursor = page.nextCursor as string | null;
    pages += 1;
    expect(pages).toBeLessThan(500);
  } while (cursor);
  return { rows, pages };
}
