import type { ContentRepo } from './content-repo.js';

/**
 * The processes serving one store (the workers of `nof1 serve --workers N`): each is told when another
 * imported content, and tells the others when it did.
 */
export type ContentPeers = {
  announce(): void;
  onChange(listener: () => void): void;
};

/**
 * The content repository of one of several processes: what it caches from the library (brand and
 * programme names) is dropped when another process imports, as its own imports already do.
 */
export function sharedContent(content: ContentRepo, peers: ContentPeers): ContentRepo {
  peers.onChange(() => content.forgetCaches());
  return {
    ...content,
    async importBlocks(blocks) {
      const counts = await content.importBlocks(blocks);
      if (counts.imported + counts.updated > 0) peers.announce();
      return counts;
    },
  };
}
