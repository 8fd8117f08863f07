/**
 * Runs `work` over `items` with at most `concurrency` in flight, in order of the list. With the embedded
 * store queries still queue on its one connection, but graph and assertion CPU work overlaps the waits.
 * An aborted signal stops taking new items; those in flight finish.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
