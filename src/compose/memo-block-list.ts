import type { StoredBlock } from '../domain/block.js';
import type { ContentSource } from '../domain/ports.js';

type ListFilter = Parameters<ContentSource['list']>[0];

/**
 * The learner's read of which techniques the content offers, kept per filter for `ttlMs` so a compose
 * with learning on does not list the library each time. Safe to be a little stale: the blocks a message
 * is built from are retrieved afresh by the composer and checked by the compliance rules.
 */
export function memoBlockList(content: Pick<ContentSource, 'list'>, ttlMs: number): Pick<ContentSource, 'list'> {
  const cache = new Map<string, { at: number; blocks: Promise<StoredBlock[]> }>();
  return {
    list(filter: ListFilter) {
      const key = JSON.stringify(filter);
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.blocks;
      const blocks = content.list(filter);
      blocks.catch(() => cache.delete(key));
      if (cache.size > 1000) cache.clear();
      cache.set(key, { at: Date.now(), blocks });
      return blocks;
    },
  };
}
