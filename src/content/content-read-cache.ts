import type { ContentSource } from '../domain/ports.js';

export type ReadCacheOptions = { ttlMs?: number; maxEntries?: number };

/**
 * The composer's searches and listings, remembered until the library changes (`clear`), the day turns
 * (usable blocks depend on the date) or `ttlMs` passes (a store shared with other hosts says nothing
 * when they import). Only the composer reads through it: the compliance agent re-reads the chosen blocks
 * from the store, so a remembered block that has since changed fails its checks instead of being sent.
 * Concurrent identical reads share one query.
 */
export function cacheContentReads(
  source: ContentSource,
  opts: ReadCacheOptions = {},
): ContentSource & { clear(): void } {
  const ttlMs = opts.ttlMs ?? 60_000;
  const maxEntries = opts.maxEntries ?? 1_000;
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();

  function remembered<T>(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const full = `${day}\u0000${key}`;
    const hit = entries.get(full);
    if (hit && now - hit.at < ttlMs) {
      // Most recently used last: the first entry is the one to drop when full.
      entries.delete(full);
      entries.set(full, hit);
      return hit.value as Promise<T>;
    }
    const value = read();
    entries.set(full, { at: now, value });
    value.catch(() => entries.get(full)?.value === value && entries.delete(full));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  }

  return {
    // A copy of the list each time: callers may reorder what they are given.
    search: async (query, filter) => [
      ...(await remembered(JSON.stringify(['s', query, filter]), () => source.search(query, filter))),
    ],
    list: async (filter) => [...(await remembered(JSON.stringify(['l', filter]), () => source.list(filter)))],
    byIds: (ids) => source.byIds(ids),
    contentTerms: () => source.contentTerms(),
    clear: () => entries.clear(),
  };
}
