/** process.memoryUsage() in MB after `done` cases: where a run's resident memory sits. */
export type MemorySample = {
  done: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
};

const mb = (bytes: number) => bytes / 2 ** 20;

export function memorySample(done: number): MemorySample {
  const m = process.memoryUsage();
  return {
    done,
    rss: mb(m.rss),
    heapUsed: mb(m.heapUsed),
    heapTotal: mb(m.heapTotal),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
  };
}
