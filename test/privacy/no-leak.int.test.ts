import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { allPages, composeBody, composeHeld, subjectId, type TraceSummary } from '../support/compose-requests.js';
import { expectProblem } from '../support/problem.js';
import { PEOPLE, personalValues, type Seeded, seededRequests } from '../support/seeded-people.js';
import { startTestService, type TestService } from '../support/service.js';
import { findInStore, leaksIn } from '../support/store-search.js';

const EVERY_VALUE = Object.values(PEOPLE).flatMap(personalValues);

let svc: TestService;
let since: string;
let seeded: Seeded[];
/** Every answer body the service gave in this file, by what was asked. */
const answers: Array<{ what: string; text: string }> = [];
const composed: ComposeAnswer[] = [];

async function read(what: string, res: Response) {
  const text = await res.text();
  answers.push({ what, text });
  return text;
}

beforeAll(async () => {
  svc = await startTestService();
  since = new Date(Date.now() - 1).toISOString();
  seeded = seededRequests();
  for (const s of seeded) {
    const res = await svc.call('POST', '/v1/compose', { key: 'client', body: s.body });
    const text = await read(`compose ${s.key}`, res);
    expect(res.status, text).toBe(200);
    composed.push(JSON.parse(text) as ComposeAnswer);
  }
  // Reviewers decide the held runs, writing what reviewers write in notes.
  const notes = [
    `Spoke with ${PEOPLE.desmond.name} at ${PEOPLE.desmond.phone}; safety plan in place.`,
    `Patient ${PEOPLE.ximena.name} (DOB ${PEOPLE.ximena.dob}) confirmed by email ${PEOPLE.ximena.email}.`,
    `Left a voicemail for Mr. Quenneville at ${PEOPLE.bartholomew.phone}, SSN ${PEOPLE.bartholomew.ssn} verified.`,
    `Member ${PEOPLE.margarethe.memberId} at ${PEOPLE.margarethe.address}: referred to the crisis line.`,
  ];
  const held = composed.filter((a) => a.status === 'needs_review');
  for (const [i, a] of held.entries()) {
    const decision = i % 2 === 0 ? 'approve' : 'reject';
    const res = await svc.call('POST', `/v1/reviews/${a.review!.id}/decision`, {
      key: 'reviewer',
      body: { decision, note: notes[i % notes.length] },
    });
    expect(res.status).toBe(200);
    await read(`decision ${a.review!.id}`, res);
  }
});
afterAll(() => svc?.close());

const expectNoLeak = (what: string, text: string) => expect(leaksIn(text, EVERY_VALUE), what).toEqual([]);

describe('no personal value leaves the service', () => {
  it('composed a mix of outcomes from the seeded requests', () => {
    const statuses = new Set(composed.map((a) => a.status));
    for (const s of ['approved', 'needs_review', 'blocked'] as const) expect(statuses).toContain(s);
    // consent and crisis language decide these whatever the diagnosis engine makes of the text
    const by = (key: string) => composed[seeded.findIndex((s) => s.key === key)]!.status;
    expect(by('thaddeus')).toBe('blocked');
    expect([by('desmond'), by('margarethe')]).toEqual(['needs_review', 'needs_review']);
    expect(composed.filter((a) => a.status === 'blocked')).toHaveLength(1);
    expect(composed).toHaveLength(10);
    // the matcher sees the values where they are: in the requests themselves
    for (const s of seeded) expect(leaksIn(JSON.stringify(s.body), personalValues(PEOPLE[s.key]))).not.toEqual([]);
    expect(leaksIn('call 414.555.0163', ['(414) 555-0163'])).toEqual(['(414) 555-0163']);
  });

  it('not in compose or decision answers', () => {
    for (const a of answers) expectNoLeak(a.what, a.text);
  });

  it('not in GET /v1/messages', async () => {
    for (const a of composed) {
      const res = await svc.call('GET', `/v1/messages/${a.id}`, { key: 'client' });
      expect(res.status).toBe(200);
      expectNoLeak(`message ${a.id}`, await read(`message ${a.id}`, res));
    }
  });

  it('not in the trace listing, any trace or its verification', async () => {
    const listed = await allPages<TraceSummary>(svc, `/v1/traces?from=${since}&limit=3`, 'traces');
    expectNoLeak('trace listing', JSON.stringify(listed.rows));
    expect(listed.rows.length).toBe(composed.length);
    for (const row of listed.rows) {
      const trace = await read(
        `trace ${row.traceId}`,
        await svc.call('GET', `/v1/traces/${row.traceId}`, { key: 'reviewer' }),
      );
      expectNoLeak(`trace ${row.traceId}`, trace);
      // the free text is kept, redacted, so a reviewer can still read why
      if (trace.includes('personalDigest')) expect(trace).toMatch(/\[(NAME|PHONE|EMAIL|SSN|ID|MRN|DOB|ADDRESS)\]/);
      const verify = await svc.call('GET', `/v1/traces/${row.traceId}/verify`, { key: 'reviewer' });
      expect(JSON.parse(await read(`verify ${row.traceId}`, verify))).toMatchObject({ intact: true });
    }
  });

  it('not in the review queue, decided reviews or their notes', async () => {
    for (const status of ['pending', 'decided', 'all']) {
      const { rows } = await allPages<{ id: string; note: string | null }>(
        svc,
        `/v1/reviews?status=${status}&limit=2`,
        'reviews',
      );
      expectNoLeak(`reviews ${status}`, JSON.stringify(rows));
      if (status === 'decided') expect(rows.filter((r) => r.note).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('not in error answers to requests that carry personal data', async () => {
    const p = PEOPLE.rosalind;
    const body = composeBody(subjectId(), [], { extra: { name: p.name, phone: p.phone } });
    const invalid = [
      { ...body, channel: p.email },
      { ...body, signals: [{ type: p.name, data: { text: `call ${p.phone}` }, at: `born ${p.dob}` }] },
      { ...body, subject: { ...body.subject, audience: p.name, consents: { sms: p.ssn } } },
      { ...body, program: `${p.memberId} ${'x'.repeat(200)}` },
      { ...body, [p.email]: p.ssn },
    ];
    for (const [i, b] of invalid.entries()) {
      const res = await svc.call('POST', '/v1/compose', { key: 'client', body: b });
      expectNoLeak(`invalid compose ${i}`, await read(`invalid compose ${i}`, res.clone()));
      await expectProblem(res, 400);
    }
    const broken = await svc.call('POST', '/v1/compose', { key: 'client', body: `{"subject": {"name": "${p.name}"` });
    expectNoLeak('malformed compose', await read('malformed compose', broken.clone()));
    await expectProblem(broken, 400);
    const note = { decision: 'approve', note: { text: `call ${p.phone}`, email: p.email } };
    const held = composed.find((a) => a.review)!;
    const decision = await svc.call('POST', `/v1/reviews/${held.review!.id}/decision`, { key: 'reviewer', body: note });
    expectNoLeak('invalid decision', await read('invalid decision', decision));
    const paths = [
      `/v1/messages/${encodeURIComponent(p.email)}`,
      `/v1/traces/${encodeURIComponent(p.ssn)}`,
      `/v1/reviews/${encodeURIComponent(p.memberId)}`,
      `/v1/subject/${encodeURIComponent(p.email)}`,
      `/v1/traces?program=${encodeURIComponent(p.name)}&from=${encodeURIComponent(p.dob)}`,
    ];
    for (const path of paths) {
      const res = await svc.call('GET', path, { key: 'admin' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expectNoLeak(`GET ${path}`, await read(`GET ${path}`, res));
    }
    const forbidden = await svc.call('DELETE', `/v1/subjects/${encodeURIComponent(p.email)}`, { key: 'reviewer' });
    expectNoLeak('forbidden erasure', await read('forbidden erasure', forbidden));
  });

  it('not in any log line', () => {
    expect(svc.logs.length).toBeGreaterThan(seeded.length);
    expectNoLeak('logs', JSON.stringify(svc.logs));
  });

  it('not anywhere in the store: runs, traces, reviews, checkpoints', async () => {
    expect(await findInStore(svc.pool, EVERY_VALUE)).toEqual([]);
    // the search does reach every table: a pseudonymous subject id is there (runs, and the checkpoints
    // of a run still waiting for a reviewer — decided and completed runs keep none)
    const pending = subjectId('pending');
    await composeHeld(svc, pending);
    const where = (await findInStore(svc.pool, [pending])).map((h) => h.table);
    expect(where).toContain('runs');
    expect(where.some((t) => t.startsWith('checkpoint'))).toBe(true);
  });
});
