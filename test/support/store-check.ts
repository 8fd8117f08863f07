import { createHashEmbedder } from '../../src/content/embedder.js';
import { type ContentRepo, createContentRepo } from '../../src/store/content-repo.js';
import { openStore } from '../../src/store/open-store.js';

/** Opens the embedded store in a data folder, runs fn on its content repository, and closes it. */
export async function withContentRepo<T>(dataDir: string, fn: (repo: ContentRepo) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await fn(createContentRepo(store.pool, createHashEmbedder()));
  } finally {
    await store.close();
  }
}
