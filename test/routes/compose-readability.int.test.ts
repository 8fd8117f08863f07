import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readingGrade } from '../../src/compliance/readability.js';
import { BARRIER_SIGNALS } from '../support/barrier-signals.js';
import { compose, composeBody, REQUESTS, subjectId } from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(() => svc?.close());

describe('readability in the answer', () => {
  it('reports the reading grade of a patient message outside its ISI, against the grade-8 target', async () => {
    // Necessity is answered with a clinical claim, which travels with its safety information.
    const run = await compose(
      svc,
      composeBody(subjectId(), BARRIER_SIGNALS.necessity, { channel: 'email' }),
      'approved',
    );
    const r = run.compliance.readability!;
    expect(r.target).toBe(8);
    expect(r).toMatchObject({ scale: 'flesch-kincaid', targetIs: 'max' });
    expect(r.withinTarget).toBe(r.grade! <= 8);
    // The grade is of the message without its safety information, which is fixed regulatory text.
    const res = await svc.call('GET', '/v1/content/blocks?program=lumenzo-adherence&limit=200', { key: 'strategist' });
    const all = ((await res.json()) as { blocks: Array<{ id: string; kind: string; text: string }> }).blocks;
    const byId = new Map(all.map((b) => [b.id, b]));
    const used = run.message!.blocks.map((b) => byId.get(b.id)!);
    expect(used.some((b) => b.kind === 'isi')).toBe(true);
    const lay = used.filter((b) => b.kind !== 'isi').map((b) => b.text);
    expect(r.grade).toBeCloseTo(Math.round(readingGrade(lay.join(' ')) * 10) / 10, 5);
  });

  it('gives a clinician message a grade and no lay target', async () => {
    const hcp = composeBody(subjectId('hcp'), [{ type: 'page_view', data: { topic: 'savings' } }], {
      channel: 'email',
    });
    const run = await compose(svc, { ...hcp, program: 'lumenzo-hcp', subject: { ...hcp.subject, audience: 'hcp' } });
    expect(run.compliance.readability).toMatchObject({ target: null, withinTarget: null });
    expect(run.compliance.readability!.grade).toEqual(expect.any(Number));
  });

  it('reports nothing when no message was composed', async () => {
    const run = await compose(svc, REQUESTS.onTrack(subjectId()), 'skipped');
    expect(run.compliance.readability).toBeUndefined();
  });
});
