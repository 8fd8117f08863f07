/**
 * Overlap tests against many ranges of one text without comparing every pair, which for a long
 * text full of matches would be quadratic.
 */
type Range = readonly [number, number];

/** For fixed ranges: does [start, end) overlap any of them? Constant time per question. */
export function fixedCover(ranges: Iterable<Range>, length: number): (start: number, end: number) => boolean {
  const depth = new Int32Array(length + 1);
  for (const [s, e] of ranges) {
    if (e <= s) continue;
    depth[s]! += 1;
    depth[e]! -= 1;
  }
  // covered[i] = how many positions before i lie in some range.
  const covered = new Int32Array(length + 1);
  let open = 0;
  for (let i = 0; i < length; i++) {
    open += depth[i]!;
    covered[i + 1] = covered[i]! + (open > 0 ? 1 : 0);
  }
  return (start, end) => covered[Math.min(end, length)]! - covered[Math.max(start, 0)]! > 0;
}

/** Ranges taken one by one; a test reads only the positions it asks about. */
export class TakenRanges {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length);
  }
  overlaps(start: number, end: number): boolean {
    return this.taken.subarray(start, end).includes(1);
  }
  take(start: number, end: number): void {
    this.taken.fill(1, start, end);
  }
}
