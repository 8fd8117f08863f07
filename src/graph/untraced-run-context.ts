import { CallbackManager } from '@langchain/core/callbacks/manager';
import type { RunnableConfig } from '@langchain/core/runnables';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';

// @langchain/core's own keys (global symbols, so these are the very keys its modules use).
const CHILD_CONFIG = Symbol.for('lc:child_config');
const CONTEXT_VARIABLES = Symbol.for('lc:context_variables');

type Provider = typeof AsyncLocalStorageProviderSingleton;
type RunWithConfig = Provider['runWithConfig'];
type Store = Record<PropertyKey, unknown> & { extra?: Record<PropertyKey, unknown> };

const provider = AsyncLocalStorageProviderSingleton;
const original: RunWithConfig = provider.runWithConfig;

/** A real run tree of this process's langsmith, as @langchain/core would build for an untraced runnable. */
function langsmithRunTreePrototype(): object | undefined {
  const store = original.call(provider, {}, () => provider.getInstance().getStore()) as object | undefined;
  return store ? Object.getPrototypeOf(store) : undefined;
}

/**
 * @langchain/core runs every runnable LangGraph invokes (each node, channel write, edge: ≈ 50 per compose)
 * inside `runWithConfig`, which, when no LangSmith tracer handles the run, builds a langsmith `RunTree`
 * with `tracingEnabled: false` only to carry the runnable's config in async local storage. Building one
 * reads a dozen environment variables, makes a UUID v7 and two date strings: 10 % of a compose's profile
 * and 9–14 % of its CPU (bench/RESULTS.md, branch perf-cpu3), for an object nobody traces. Core's
 * `avoidCreatingRootRunTree` flag would skip it but also drop the config (`interrupt()` and `getConfig()`
 * read it from there), and LangGraph never passes it; no setting avoids it.
 *
 * So, only for a run with no LangSmith tracer among its handlers (core's own test, on the same callback
 * manager; a run with one, traced or not, is left to core whole), the stored object is a stand-in on the
 * `RunTree` prototype holding what the untraced tree is read for: the config under core's child-config
 * key, `tracingEnabled: false` (nested runnables read it to keep tracing off), the name, and the caller's
 * context variables. Being a `RunTree` to `isRunTree`, `setContextVariable` still clones it with the
 * config. Traces, when configured, are built as before; other callback handlers are untouched (they hang
 * off the callback manager, not this store). Process-wide, as core's singleton is; calling it again
 * changes nothing.
 */
export function skipUntracedRunTrees(): void {
  if (provider.runWithConfig !== original) return;
  const prototype = langsmithRunTreePrototype();
  // No async local storage yet (nothing has loaded LangGraph): keep core's behaviour.
  if (!prototype) return;
  const runWithConfig = function <T>(
    this: Provider,
    config: RunnableConfig | undefined,
    callback: () => T,
    avoidCreatingRootRunTree?: boolean,
  ): T {
    if (avoidCreatingRootRunTree) return original.call(this, config, callback, true) as T;
    const manager = CallbackManager._configureSync(
      config?.callbacks,
      undefined,
      config?.tags,
      undefined,
      config?.metadata,
    );
    if (manager?.handlers.some((handler) => handler?.name === 'langchain_tracer')) {
      return original.call(this, config, callback) as T;
    }
    const storage = this.getInstance();
    // The execution counters and child list are what langsmith's `traceable` needs to hang a child run
    // off the stored tree (`createChild`); own fields, so a `setContextVariable` clone keeps them too.
    const stand: Store = Object.assign(Object.create(prototype), {
      name: '<runnable_lambda>',
      tracingEnabled: false,
      extra: { metadata: {}, [CHILD_CONFIG]: config },
      child_runs: [],
      execution_order: 1,
      child_execution_order: 1,
    });
    const previous = storage.getStore() as Store | undefined;
    if (previous?.[CONTEXT_VARIABLES] !== undefined) stand[CONTEXT_VARIABLES] = previous[CONTEXT_VARIABLES];
    return storage.run(stand, callback) as T;
  };
  provider.runWithConfig = runWithConfig as RunWithConfig;
}

/** Core's own `runWithConfig` again (a benchmark's baseline, a test's comparison). */
export function restoreCoreRunTrees(): void {
  provider.runWithConfig = original;
}
