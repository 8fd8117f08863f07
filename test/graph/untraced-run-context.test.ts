import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { CallbackManager } from '@langchain/core/callbacks/manager';
import { setContextVariable } from '@langchain/core/context';
import { AsyncLocalStorageProviderSingleton } from '@langchain/core/singletons';
import { Annotation, Command, getConfig, interrupt, MemorySaver, StateGraph } from '@langchain/langgraph';
import { traceable } from 'langsmith/traceable';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreCoreRunTrees, skipUntracedRunTrees } from '../../src/graph/untraced-run-context.js';

// Installed before every test, so none depends on another having run first.
beforeEach(() => skipUntracedRunTrees());
afterEach(() => skipUntracedRunTrees());

type Seen = { thread: unknown; runId: unknown; tracingEnabled: unknown; isStandIn: boolean };

/** What a node sees of the run context: its config (as interrupt() reads it) and the stored run tree. */
function seenInNode(): Seen {
  const store = AsyncLocalStorageProviderSingleton.getInstance().getStore() as
    | { id?: string; tracingEnabled?: boolean }
    | undefined;
  return {
    thread: getConfig().configurable?.thread_id,
    runId: typeof store?.id,
    tracingEnabled: store?.tracingEnabled,
    // Core's RunTree always has an id (a UUID v7); the stand-in is the one without.
    isStandIn: store !== undefined && store.id === undefined,
  };
}

const State = Annotation.Root({
  count: Annotation<number>({ reducer: (a, b) => a + b, default: () => 0 }),
  seen: Annotation<Seen[]>({ reducer: (a, b) => [...a, ...b], default: () => [] }),
  answer: Annotation<string>,
});

/** Three nodes, a conditional edge and an interrupt: what the compose graph uses of LangGraph. */
function buildGraph() {
  return new StateGraph(State)
    .addNode('first', async () => ({ count: 1, seen: [seenInNode()] }))
    .addNode('ask', async () => ({ answer: String(interrupt({ question: 'go on?' })), seen: [seenInNode()] }))
    .addNode('last', async () => {
      setContextVariable('mark', 1);
      return { count: 10, seen: [seenInNode()] };
    })
    .addEdge('__start__', 'first')
    .addConditionalEdges('first', (s) => (s.count > 0 ? 'ask' : 'last'), ['ask', 'last'])
    .addEdge('ask', 'last')
    .addEdge('last', '__end__')
    .compile({ checkpointer: new MemorySaver() });
}

class Recorder extends BaseCallbackHandler {
  name = 'recorder';
  readonly events: string[] = [];
  private readonly names = new Map<string, string | undefined>();
  override async handleChainStart(
    _chain: unknown,
    _inputs: unknown,
    runId: string,
    _parent?: string,
    _tags?: string[],
    _metadata?: unknown,
    _type?: string,
    name?: string,
  ) {
    this.names.set(runId, name);
    this.events.push(`start ${name}`);
  }
  override async handleChainEnd(_outputs: unknown, runId: string) {
    this.events.push(`end ${this.names.get(runId)}`);
  }
}

/** Streams a run to its interrupt, resumes it, and returns everything observable about it. */
async function observe(thread: string) {
  const graph = buildGraph();
  const recorder = new Recorder();
  const config = { configurable: { thread_id: thread }, callbacks: [recorder], streamMode: 'updates' as const };
  const chunks: unknown[] = [];
  for await (const chunk of await graph.stream({ count: 0 }, config)) chunks.push(chunk);
  const held = await graph.getState(config);
  for await (const chunk of await graph.stream(new Command({ resume: 'yes' }), config)) chunks.push(chunk);
  const done = await graph.getState(config);
  return { chunks, held: { next: held.next, values: held.values }, done: done.values, events: recorder.events };
}

describe('untraced runnables without a LangSmith run tree each', () => {
  it('streams, interrupts, resumes and checkpoints exactly as with core run trees', async () => {
    restoreCoreRunTrees();
    const core = await observe('t');
    skipUntracedRunTrees();
    const skipped = await observe('t');

    // Core's run trees are real ones with tracing off; the stand-ins carry the same flag and no id.
    expect(core.done.seen.map((s: Seen) => s.isStandIn)).toEqual([false, false, false]);
    expect(skipped.done.seen.map((s: Seen) => s.isStandIn)).toEqual([true, true, true]);
    const withoutTree = (seen: Seen[]) => seen.map(({ thread, tracingEnabled }) => ({ thread, tracingEnabled }));
    expect(withoutTree(skipped.done.seen)).toEqual(withoutTree(core.done.seen));
    expect(withoutTree(skipped.done.seen)[0]).toEqual({ thread: 't', tracingEnabled: false });

    // Everything else observable, the stored run trees apart: stream chunks, checkpoints, callback events
    // (interrupt ids come from time-ordered checkpoint ids, different in any two runs).
    const plain = (o: typeof core) =>
      JSON.parse(JSON.stringify(o, (key, value) => (key === 'seen' || key === 'id' ? undefined : value)));
    expect(plain(skipped)).toEqual(plain(core));
    expect(core.held.next).toEqual(['ask']);
    expect(core.done).toMatchObject({ count: 11, answer: 'yes' });
  });

  it('still tells a configured callback handler about every node', async () => {
    const { events } = await observe('callbacks');
    for (const node of ['first', 'ask', 'last']) {
      expect(events).toContain(`start ${node}`);
      expect(events).toContain(`end ${node}`);
    }
  });

  it('keeps the config reachable after a node sets a context variable', async () => {
    const { done } = await observe('context');
    // 'last' set a context variable before reading its config: the config survived the clone.
    expect(done.seen.at(-1)).toMatchObject({ thread: 'context', isStandIn: true });
  });

  it("lets a node call langsmith's traceable, before and after setting a context variable, as core does", async () => {
    const echo = traceable(async (x: string) => `echo:${x}`, { name: 'echo' });
    const graph = new StateGraph(State)
      .addNode('call', async () => {
        const before = await echo('a');
        setContextVariable('mark', 1);
        return { answer: `${before} ${await echo('b')}`, seen: [seenInNode()] };
      })
      .addEdge('__start__', 'call')
      .compile();
    restoreCoreRunTrees();
    const core = await graph.invoke({ count: 0 });
    skipUntracedRunTrees();
    const skipped = await graph.invoke({ count: 0 });
    expect(skipped.seen[0]?.isStandIn).toBe(true);
    expect(skipped.answer).toBe(core.answer);
    expect(skipped.answer).toBe('echo:a echo:b');
  });

  it('leaves a run that a LangSmith tracer handles to core', async () => {
    const marker = { traced: true };
    const tracer = Object.assign(new Recorder(), {
      name: 'langchain_tracer',
      copyWithTracingConfig() {
        return this;
      },
      getRunTreeWithTracingConfig: () => marker,
    });
    // A child of a traced run: core stores the tracer's own run tree, with the config added.
    const callbacks = new CallbackManager('parent-run');
    callbacks.addHandler(tracer);
    const seen = await AsyncLocalStorageProviderSingleton.runWithConfig({ callbacks }, async () =>
      AsyncLocalStorageProviderSingleton.getInstance().getStore(),
    );
    expect(seen).toBe(marker);
    expect(AsyncLocalStorageProviderSingleton.runWithConfig({ callbacks }, () => getConfig().callbacks)).toBe(
      callbacks,
    );
  });
});
