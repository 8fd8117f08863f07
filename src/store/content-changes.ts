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
 * The content repository with a signal for changes to the library: this process's imports and, with
 * peers, the other processes'. Whatever is cached from the library listens to it; the repository's own
 * cache (brand and programme names) always does.
 */
export function watchContent(content: ContentRepo, peers?: ContentPeers) {
  const listeners: Array<() => void> = [() => content.forgetCaches()];
  const changed = () => {
    for (const listener of listeners) listener();
  };
  peers?.onChange(changed);
  const watched: ContentRepo = {
    ...content,
    async importBlocks(blocks) {
      const counts = await content.importBlocks(blocks);
      if (counts.imported + counts.updated > 0) {
        changed();
        peers?.announce();
      }
      return counts;
    },
  };
  return { content: watched, onChange: (listener: () => void) => void listeners.push(listener) };
}
