import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, getJson, REQUESTS, type Review, subjectId } from '../support/compose-requests.js';
import { parseExposition } from '../support/prom-text.js';
import { startTestService, type TestService } from '../support/service.js';

type QueueReview = Review & {
  program: string;
  subjectRef: string | null;
  origin: 'api' | 'eval';
  blocks: Array<{ id: string; version: number | null; approvalCode: string; kind: string | null; text: string | null }>;
};
type Queue = { reviews: QueueReview[]; nextCursor: string | null };

let svc: TestService;
const subjects = { low: subjectId('queue-low'), crisis: subjectId('queue-crisis'), evalRun: subjectId('queue-eval') };
let low: ComposeAnswer;
let crisis: ComposeAnswer;
let later: ComposeAnswer;
let evalHeld: ComposeAnswer;

const composeRuns = async () =>
  parseExposition(await (await svc.call('GET', '/metrics', { key: 'metrics' })).text())
    .find('nof1_compose_runs_total')
    .reduce((n, s) => n + s.value, 0);

beforeAll(async () => {
  svc = await startTestService();
  // A crisis hold created between two ordinary holds: the queue must still show it first.
  low = await compose(svc, REQUESTS.lowConfidence(subjects.low), 'needs_review');
  crisis = await compose(svc, REQUESTS.crisis(subjects.crisis), 'needs_review');
  later = await compose(svc, REQUESTS.lowConfidence(subjectId('queue-later')), 'needs_review');
  const metricsBefore = await composeRuns();
  const res = await svc.call('POST', '/v1/compose', {
    key: 'admin',
    body: REQUESTS.lowConfidence(subjects.evalRun),
    headers: { 'x-nof1-origin': 'eval' },
  });
  expect(res.status).toBe(200);
  evalHeld = (await res.json()) as ComposeAnswer;
  expect(evalHeld.status).toBe('needs_review');
  expect(await composeRuns()).toBe(metricsBefore);
});
afterAll(async () => {
  await svc?.close();
});

describe('the review queue', () => {
  it('shows safety holds first, then the newest', async () => {
    const { reviews } = await getJson<Queue>(svc, '/v1/reviews?status=pending');
    expect(reviews.map((r) => r.runId)).toEqual([crisis.id, later.id, low.id]);
  });

  it('pages through that order with its cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Queue = await getJson<Queue>(
        svc,
        `/v1/reviews?status=pending&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.reviews.map((r) => r.runId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([crisis.id, later.id, low.id]);
  });

  it('filters by the reason code', async () => {
    const { reviews } = await getJson<Queue>(svc, '/v1/reviews?status=pending&reason=low_confidence');
    expect(reviews.map((r) => r.runId).sort()).toEqual([low.id, later.id].sort());
    expect(reviews.every((r) => r.reason.startsWith('low_confidence:'))).toBe(true);
  });

  it("names each run's programme and subject, and gives each block's text beside its id", async () => {
    const review = await getJson<QueueReview>(svc, `/v1/reviews/${low.review!.id}`);
    expect(review).toMatchObject({ program: 'lumenzo-adherence', subjectRef: subjects.low, origin: 'api' });
    expect(review.blocks.map((b) => [b.id, b.approvalCode])).toEqual(
      low.message!.blocks.map((b) => [b.id, b.approvalCode]),
    );
    for (const b of review.blocks) {
      expect(b.text?.length).toBeGreaterThan(10);
      expect(low.message!.body).toContain(b.text!.slice(0, 20));
    }
  });

  it('keeps eval runs out by default and shows them when asked', async () => {
    const all = await getJson<Queue>(svc, '/v1/reviews?status=pending&limit=200');
    expect(all.reviews.map((r) => r.runId)).not.toContain(evalHeld.id);
    const evals = await getJson<Queue>(svc, '/v1/reviews?status=pending&origin=eval');
    expect(evals.reviews.map((r) => [r.runId, r.origin])).toEqual([[evalHeld.id, 'eval']]);
    const both = await getJson<Queue>(svc, '/v1/reviews?status=pending&origin=all');
    expect(both.reviews).toHaveLength(4);
  });

  it('lets only a key that runs suites mark a run as an eval run', async () => {
    const res = await svc.call('POST', '/v1/compose', {
      key: 'client',
      body: REQUESTS.lowConfidence(subjectId('queue-sneaky')),
      headers: { 'x-nof1-origin': 'eval' },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/strategist role/);
  });
});

describe('trace search', () => {
  type Listing = { traces: Array<{ runId: string; subjectRef: string | null; origin: string }> };
  const runIds = async (query: string) =>
    (await getJson<Listing>(svc, `/v1/traces?${query}`)).traces.map((t) => t.runId).sort();

  it('finds runs by subject reference, block id, approval code and programme', async () => {
    expect(await runIds(`subject=${subjects.low}`)).toEqual([low.id]);
    const block = low.message!.blocks[0]!;
    const withBlock = await runIds(`block=${encodeURIComponent(block.id)}`);
    expect(withBlock).toContain(low.id);
    const listing = await getJson<Listing>(svc, `/v1/traces?block=${encodeURIComponent(block.id)}`);
    for (const t of listing.traces) {
      const trace = await getJson<{ answer: ComposeAnswer }>(svc, `/v1/traces/${(await traceOf(t.runId)).traceId}`);
      expect(trace.answer.message?.blocks.map((b) => b.id)).toContain(block.id);
    }
    expect(await runIds(`approvalCode=${encodeURIComponent(block.approvalCode)}`)).toEqual(withBlock);
    expect(await runIds(`program=lumenzo-adherence&subject=${subjects.crisis}`)).toEqual([crisis.id]);
    expect(await runIds('subject=nobody-at-all')).toEqual([]);
    expect(await runIds('origin=eval')).toEqual([evalHeld.id]);
  });

  async function traceOf(runId: string) {
    const all = [low, crisis, later, evalHeld];
    return all.find((a) => a.id === runId)!;
  }

  it('exports a trace as a JSON file with its verification', async () => {
    const res = await svc.call('GET', `/v1/traces/${low.traceId}/export`, { key: 'reviewer' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${low.traceId}.json"`);
    const file = (await res.json()) as {
      traceId: string;
      exportedAt: string;
      steps: unknown[];
      blocks: unknown[];
      verification: { intact: boolean; records: number };
    };
    expect(file.traceId).toBe(low.traceId);
    expect(file.verification).toMatchObject({ intact: true, records: file.steps.length });
    expect(file.blocks).toHaveLength(low.message!.blocks.length);
  });
});

describe('the compose graph', () => {
  it('is served from the compiled graph, with the conditional edges the run policy chooses', async () => {
    const graph = await getJson<{
      nodes: string[];
      edges: Array<{ source: string; target: string; conditional: boolean }>;
    }>(svc, '/v1/graph');
    expect(graph.nodes).toEqual(expect.arrayContaining(['__start__', 'load_context', 'check_compliance', '__end__']));
    expect(graph.edges).toContainEqual({ source: 'check_compliance', target: 'hold_for_review', conditional: true });
    expect(graph.edges).toContainEqual({ source: '__start__', target: 'load_context', conditional: false });
    // Every node a trace records is a node of the graph.
    const trace = await getJson<{ steps: Array<{ node: string }> }>(svc, `/v1/traces/${low.traceId}`);
    for (const s of trace.steps) expect(graph.nodes).toContain(s.node);
  });
});
