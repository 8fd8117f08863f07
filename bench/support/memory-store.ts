import { createHashEmbedder } from '../../src/content/embedder.js';
import { createContentRepo } from '../../src/store/content-repo.js';
import { openStore } from '../../src/store/open-store.js';

/** A fresh in-memory embedded store (PGlite behind the wire protocol) with the offline embedder. */
export async function openMemoryRepo() {
  const store = await openStore({ dataDir: 'memory' });
  return { store, repo: createContentRepo(store.pool, createHashEmbedder()) };
}
