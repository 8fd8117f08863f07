import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheContentReads } from '../../src/content/content-read-cache.js';
import type { ScoredBlock, StoredBlock } from '../../src/domain/block.js';
import type { ContentSource } from '../../src/domain/ports.js';

/** A source that answers with fresh objects and counts what it was asked. */
function countingSource() {
  const calls = { search: 0, list: 0, byIds: 0 };
  let fail = false;
  const source: ContentSource = {
    async search(query) {
      calls.search++;
      if (fail) throw new Error('store down');
      return [{ id: `hit-${query}`, score: 1 } as unknown as ScoredBlock];
    },
    async list(filter) {
      calls.list++;
      return [{ id: `kind-${filter.kinds?.join('+')}` } as unknown as StoredBlock];
    },
    async byIds(ids) {
      calls.byIds++;
      return ids.map((id) => ({ id }) as unknown as StoredBlock);
    },
    contentTerms: async () => [],
  };
  const failing = (v: boolean) => {
    fail = v;
  };
  return { source, calls, failing };
}

const where = { program: 'p', audience: 'patient', channel: 'sms' as const, limit: 20 };

afterEach(() => vi.useRealTimers());

describe('cacheContentReads', () => {
  it('answers a repeated search or listing from memory, and a different one from the source', async () => {
    const { source, calls } = countingSource();
    const cache = cacheContentReads(source);
    expect(await cache.search('copay', where)).toEqual([{ id: 'hit-copay', score: 1 }]);
    expect(await cache.search('copay', where)).toEqual([{ id: 'hit-copay', score: 1 }]);
    await cache.search('copay', { ...where, channel: 'email' });
    await cache.search('refill', where);
    await cache.list({ ...where, kinds: ['isi'] });
    await cache.list({ ...where, kinds: ['isi'] });
    await cache.list({ ...where, kinds: ['cta'] });
    expect(calls).toMatchObject({ search: 3, list: 2 });
  });

  it('never remembers blocks read by id: the compliance agent reads those from the store', async () => {
    const { source, calls } = countingSource();
    const cache = cacheContentReads(source);
    await cache.byIds(['a']);
    await cache.byIds(['a']);
    expect(calls.byIds).toBe(2);
  });

  it('forgets everything on clear (the library changed)', async () => {
    const { source, calls } = countingSource();
    const cache = cacheContentReads(source);
    await cache.search('copay', where);
    cache.clear();
    await cache.search('copay', where);
    expect(calls.search).toBe(2);
  });

  it('reads again after the time to live, and on a new day', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T23:58:00Z'));
    const { source, calls } = countingSource();
    const cache = cacheContentReads(source, { ttlMs: 120_000 });
    await cache.search('copay', where);
    vi.setSystemTime(new Date('2026-11-30T23:59:00Z'));
    await cache.search('copay', where);
    expect(calls.search).toBe(1);
    vi.setSystemTime(new Date('2026-12-01T00:00:10Z'));
    await cache.search('copay', where);
    expect(calls.search).toBe(2);
    vi.setSystemTime(new Date('2026-12-01T00:03:00Z'));
    await cache.search('copay', where);
    expect(calls.search).toBe(3);
  });

  it('shares one read between concurrent identical requests, and keeps no failure', async () => {
    const { source, calls, failing } = countingSource();
    const cache = cacheContentReads(source);
    await Promise.all([cache.search('copay', where), cache.search('copay', where), cache.search('copay', where)]);
    expect(calls.search).toBe(1);
    failing(true);
    await expect(cache.search('refill', where)).rejects.toThrow('store down');
    failing(false);
    expect(await cache.search('refill', where)).toEqual([{ id: 'hit-refill', score: 1 }]);
  });

  it('drops the least recently used entry when full', async () => {
    const { source, calls } = countingSource();
    const cache = cacheContentReads(source, { maxEntries: 2 });
    await cache.search('a', where);
    await cache.search('b', where);
    await cache.search('a', where);
    await cache.search('c', where);
    expect(calls.search).toBe(3);
    await cache.search('a', where);
    expect(calls.search).toBe(3);
    await cache.search('b', where);
    expect(calls.search).toBe(4);
  });

  it('gives every caller its own list to reorder', async () => {
    const { source } = countingSource();
    const cache = cacheContentReads(source);
    const first = await cache.list({ ...where, kinds: ['isi'] });
    first.reverse().push({ id: 'extra' } as unknown as StoredBlock);
    expect(await cache.list({ ...where, kinds: ['isi'] })).toEqual([{ id: 'kind-isi' }]);
  });
});
