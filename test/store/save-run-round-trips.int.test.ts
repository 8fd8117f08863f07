import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createComposeStack } from '../../src/compose/compose-stack.js';
import type { Runtime } from '../../src/runtime.js';
import { completeKey } from '../../src/store/idempotency-repo.js';
import { composeRequest, subjectId } from '../support/compose-fixtures.js';
import { openCountedStack } from '../support/counted-stack.js';
import { type RoundTrips, roundTripsOf } from '../support/round-trips.js';

// While a transaction is open the embedded store's one session is its client's alone: every other worker
// waits for each round trip it makes. A compose's transaction must hold the session for two at most.
let runtime: Runtime;
let stack: Awaited<ReturnType<typeof createComposeStack>>;
let counts: RoundTrips;
beforeAll(async () => {
  ({ runtime, stack, counts } = await openCountedStack());
});
afterAll(() => runtime?.store.close());

const ADVERSE = [
  { type: 'chat_message' as const, data: { text: 'I broke out in a rash after my Lumenzo dose and went to the ER' } },
];

describe('round trips per compose', () => {
  it('an approved run (cap re-checked) holds the session for two round trips', async () => {
    const request = composeRequest({ subject: subjectId('trips') });
    await stack.runner.compose(request);
    let status = '';
    const trips = await roundTripsOf(counts, async () => {
      status = (await stack.runner.compose(request)).status;
    });
    console.log('approved compose round trips', trips);
    expect(status).toBe('approved');
    expect(trips.held).toBeLessThanOrEqual(2);
  });

  it('a run with an idempotency key completes it in the same two', async () => {
    const ref = { principal: 'client', key: `trips-${subjectId('key')}` };
    const runId = `msg_trips${Date.now()}`;
    expect((await runtime.idempotency.claim(ref, 'hash', runId, 60_000)).state).toBe('claimed');
    const trips = await roundTripsOf(counts, () =>
      stack.runner.compose(composeRequest({ subject: subjectId('trips') }), {
        runId,
        within: (client) => completeKey(client, ref, runId),
      }),
    );
    console.log('idempotent compose round trips', trips);
    expect((await runtime.idempotency.claim(ref, 'hash', 'msg_other', 60_000)).state).toBe('done');
    expect(trips.held).toBeLessThanOrEqual(2);
  });

  // Its checkpoint's pending writes are a transaction of their own (LangGraph's putWrites): one round trip.
  it('a held run with a safety case holds the session for three round trips: one for its checkpoint, two for the run', async () => {
    let answer: Awaited<ReturnType<typeof stack.runner.compose>> | undefined;
    const trips = await roundTripsOf(counts, async () => {
      answer = await stack.runner.compose(composeRequest({ subject: subjectId('trips'), signals: ADVERSE }));
    });
    console.log('held compose round trips', trips);
    expect(answer?.status).toBe('needs_review');
    expect(await runtime.safetyCases.list({ runId: answer!.id }, 10)).toHaveLength(1);
    expect(await runtime.reviews.get(answer!.review!.id)).toMatchObject({ runId: answer!.id, status: 'pending' });
    expect(trips.held).toBeLessThanOrEqual(3);
  });

  it('a reviewer’s decision records the run, the decision and the steps since the hold in two round trips, its checkpoints deleted in one', async () => {
    const hold = await stack.runner.compose(composeRequest({ subject: subjectId('trips'), signals: ADVERSE }));
    const decision = { decision: 'reject' as const, note: null, by: 'alice', at: new Date().toISOString() };
    let status = '';
    const trips = await roundTripsOf(counts, async () => {
      status = (await stack.runner.resume(hold.id, hold.review!.id, decision)).status;
    });
    console.log('review decision round trips', trips);
    expect(status).toBe('blocked');
    expect(await runtime.reviews.get(hold.review!.id)).toMatchObject({ status: 'rejected', decidedBy: 'alice' });
    expect((await runtime.traces.verify(hold.traceId)).intact).toBe(true);
    // The decided run's checkpoints are deleted in a transaction of their own: one round trip more.
    expect(trips.held).toBeLessThanOrEqual(3);
  });
});
