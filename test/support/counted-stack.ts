import { createComposeStack } from '../../src/compose/compose-stack.js';
import { createLogger } from '../../src/logger.js';
import { loadDemoLibrary } from '../../src/runtime.js';
import { openMemoryRuntime } from './compose-fixtures.js';
import { countRoundTrips } from './round-trips.js';

/** A memory store with the demo library, a compose stack over it, and its pool's round trips counted from here on. */
export async function openCountedStack(opts: { engagement?: boolean } = {}) {
  const runtime = await openMemoryRuntime();
  await loadDemoLibrary(runtime, createLogger('silent'));
  const stack = await createComposeStack({ pool: runtime.store.pool, ...runtime, ...opts });
  return { runtime, stack, counts: countRoundTrips(runtime.store.pool) };
}
