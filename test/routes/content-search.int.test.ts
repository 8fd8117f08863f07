import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../src/domain/block.js';
import { block, uniqueProgram, WINDOW } from '../support/blocks.js';
import { startTestService, type TestService } from '../support/service.js';

type Listed = { id: string; usable: boolean; score?: number };

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_DEMO: '0' });
});
afterAll(() => svc?.close());

const QUERY = 'copay savings card lowers your monthly cost at the pharmacy';

/**
 * A library where every unusable block is the best text match for QUERY and the one usable block
 * only a weak one, so a missing filter would put a wrong block first.
 */
async function trapLibrary() {
  const program = uniqueProgram('search');
  const other = uniqueProgram('search-other');
  const best = { program, text: `${QUERY}.`, channels: ['sms', 'email'] as Channel[] };
  const lib = {
    program,
    other,
    good: block({ program, text: 'Ask us how the savings program can help with what you pay.' }),
    expired: block({ ...best, approval: WINDOW.expired }),
    future: block({ ...best, approval: WINDOW.future }),
    hcp: block({ ...best, audience: 'hcp' }),
    emailOnly: block({ ...best, channels: ['email'] }),
    otherProgram: block({ ...best, program: other }),
  };
  const { good, expired, future, hcp, emailOnly, otherProgram } = lib;
  const res = await svc.call('POST', '/v1/content/import', {
    key: 'strategist',
    body: { blocks: [expired, future, hcp, emailOnly, otherProgram, good] },
  });
  expect(await res.json()).toMatchObject({ imported: 6, rejected: [] });
  return lib;
}

async function blocks(query: Record<string, string>): Promise<Listed[]> {
  const res = await svc.call('GET', `/v1/content/blocks?${new URLSearchParams(query)}`, { key: 'strategist' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { blocks: Listed[] }).blocks;
}
const ids = (list: Listed[]) => list.map((b) => b.id);

describe('search filters', () => {
  it('returns only the usable block for its program, audience and channel', async () => {
    const lib = await trapLibrary();
    const found = await blocks({ q: QUERY, program: lib.program, audience: 'patient', channel: 'sms' });
    expect(ids(found)).toEqual([lib.good.id]);
    expect(found[0]).toMatchObject({ usable: true, score: expect.any(Number) });
  });

  it('would surface each wrong block first without its filter (the traps are real)', async () => {
    const lib = await trapLibrary();
    expect(ids(await blocks({ q: QUERY, program: lib.program, audience: 'patient' }))[0]).toBe(lib.emailOnly.id);
    expect(ids(await blocks({ q: QUERY, program: lib.program, channel: 'sms' }))[0]).toBe(lib.hcp.id);
    const anyProgram = ids(await blocks({ q: QUERY, audience: 'patient', channel: 'sms', limit: '500' }));
    expect(anyProgram).toContain(lib.otherProgram.id);
    expect(anyProgram.indexOf(lib.otherProgram.id)).toBeLessThan(anyProgram.indexOf(lib.good.id));
  });

  it('never returns expired or not-yet-approved blocks, even with no other filter', async () => {
    const lib = await trapLibrary();
    const found = ids(await blocks({ q: QUERY, limit: '500' }));
    expect(found).toContain(lib.good.id);
    expect(found).not.toContain(lib.expired.id);
    expect(found).not.toContain(lib.future.id);
  });

  it('judges the approval window on the day asked for', async () => {
    const lib = await trapLibrary();
    const then = ids(await blocks({ q: QUERY, program: lib.program, channel: 'sms', at: '2021-06-01' }));
    expect(then).toContain(lib.expired.id);
    expect(then).not.toContain(lib.future.id);
  });
});

describe('listing', () => {
  it('leaves unusable blocks out unless asked, then marks them usable:false', async () => {
    const lib = await trapLibrary();
    const usable = await blocks({ program: lib.program });
    expect(ids(usable).sort()).toEqual([lib.good.id, lib.hcp.id, lib.emailOnly.id].sort());
    expect(usable.every((b) => b.usable)).toBe(true);

    const all = await blocks({ program: lib.program, includeUnusable: 'true' });
    const usableById = Object.fromEntries(all.map((b) => [b.id, b.usable]));
    expect(usableById).toEqual({
      [lib.good.id]: true,
      [lib.hcp.id]: true,
      [lib.emailOnly.id]: true,
      [lib.expired.id]: false,
      [lib.future.id]: false,
    });
  });

  it('applies the channel and audience filters to a listing', async () => {
    const lib = await trapLibrary();
    expect(ids(await blocks({ program: lib.program, audience: 'patient', channel: 'sms' }))).toEqual([lib.good.id]);
  });
});
