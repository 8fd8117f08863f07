/**
 * The vector benches' yardstick: each query's top 10 by exact distance, and recall@10 against the exact way's.
 * Rows are sorted here because relaxed-order and quantised index scans return them out of exact order.
 */
export const topTen = (rows: Array<{ id: string; d: number }>) =>
  [...rows]
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, 10)
    .map((r) => r.id);

/** Share of the exact top-10 ids each query's top 10 found. */
export function recallAt10(exact: string[][], got: string[][]) {
  let hits = 0;
  let total = 0;
  for (const [i, want] of exact.entries()) {
    const set = new Set(got[i]);
    hits += want.filter((id) => set.has(id)).length;
    total += want.length;
  }
  return hits / Math.max(total, 1);
}
