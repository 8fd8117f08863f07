import type { ComposeRequest } from '../../src/domain/compose.js';
import { mixedRequest } from './compose-requests.js';

/** What the load clients share: the service, recent run ids to read back, and counters for subjects. */
export type LoadContext = {
  url: string;
  tag: string;
  composed: Array<{ id: string; traceId: string }>;
  next: () => number;
};

/** One request's outcome: its status and whether the status is one the contract allows for it. */
type Outcome = { status: number; expected: boolean; detail?: string };

export type Operation = {
  name: string;
  weight: number;
  run(ctx: LoadContext, key: string): Promise<Outcome>;
};

const PROGRAM = 'lumenzo-adherence';
const QUERIES = ['copay', 'side effects', 'refill reminder', 'pharmacy', 'afford', 'doctor', 'forgot', 'insurance'];
// A few subjects every client hits: concurrent composes for one person are where a cap could slip.
const HOT_SUBJECTS = 3;

async function call(ctx: LoadContext, key: string, path: string, body?: unknown) {
  const res = await fetch(`${ctx.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown>, text };
}

const outcome = (status: number, allowed: number[], text: string): Outcome => ({
  status,
  expected: allowed.includes(status),
  detail: allowed.includes(status) ? undefined : text.slice(0, 200),
});

const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)];

function composeRequest(ctx: LoadContext): ComposeRequest {
  const i = ctx.next();
  const request = mixedRequest(i, { subjects: 60, tag: ctx.tag });
  if (i % 10 === 0) request.subject.id = `bench-${ctx.tag}-hot-${Math.floor(i / 10) % HOT_SUBJECTS}`;
  return request;
}

/** The mix: composes dominate, as in a pilot; reviewers and strategists read and decide beside them. */
export const OPERATIONS: Operation[] = [
  {
    name: 'compose',
    weight: 45,
    async run(ctx, key) {
      const r = await call(ctx, key, '/v1/compose', composeRequest(ctx));
      if (r.status === 200) {
        const { id, traceId } = r.json() as { id: string; traceId: string };
        ctx.composed.push({ id, traceId });
        if (ctx.composed.length > 500) ctx.composed.splice(0, 250);
      }
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'message',
    weight: 10,
    async run(ctx, key) {
      const run = pick(ctx.composed);
      if (!run) return { status: 0, expected: true };
      const r = await call(ctx, key, `/v1/messages/${run.id}`);
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'trace',
    weight: 10,
    async run(ctx, key) {
      const run = pick(ctx.composed);
      if (!run) return { status: 0, expected: true };
      const r = await call(ctx, key, `/v1/traces/${run.traceId}`);
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'trace list',
    weight: 5,
    async run(ctx, key) {
      const r = await call(ctx, key, '/v1/traces?limit=20');
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'content search',
    weight: 15,
    async run(ctx, key) {
      const q = encodeURIComponent(pick(QUERIES)!);
      const r = await call(ctx, key, `/v1/content/blocks?program=${PROGRAM}&q=${q}&channel=sms&limit=10`);
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'review list',
    weight: 10,
    async run(ctx, key) {
      const r = await call(ctx, key, '/v1/reviews?status=pending&limit=20');
      return outcome(r.status, [200], r.text);
    },
  },
  {
    name: 'review decision',
    weight: 5,
    async run(ctx, key) {
      const list = await call(ctx, key, '/v1/reviews?status=pending&limit=20');
      const reviews = (list.json().reviews ?? []) as Array<{ id: string }>;
      const review = pick(reviews);
      if (!review) return outcome(list.status, [200], list.text);
      const decision = Math.random() < 0.5 ? 'approve' : 'reject';
      const r = await call(ctx, key, `/v1/reviews/${review.id}/decision`, { decision, note: 'load test' });
      // Another client may have decided the same review a moment earlier: 409 is the contract's answer.
      return outcome(r.status, [200, 409], r.text);
    },
  },
];

const TOTAL = OPERATIONS.reduce((n, o) => n + o.weight, 0);

/** An operation drawn by weight. */
export function drawOperation(): Operation {
  let x = Math.random() * TOTAL;
  for (const op of OPERATIONS) {
    x -= op.weight;
    if (x < 0) return op;
  }
  return OPERATIONS[0]!;
}
