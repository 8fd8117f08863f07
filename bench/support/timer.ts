import { performance } from 'node:perf_hooks';

/**
 * Runs fn once: its result, the wall-clock ms it took and the CPU ms this process spent meanwhile
 * (the embedded database runs in-process, so CPU time is less sensitive to other load on the machine).
 */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; result: T }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

export const seconds = (ms: number) => ms / 1000;
