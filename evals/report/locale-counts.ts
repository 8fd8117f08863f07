import type { CaseResult } from '../runner/run-types.js';

/** "es-US 247 · en-US 1": how many cases asked for each subject locale, most first (en-US when unrecorded). */
export function localeCounts(results: CaseResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.locale ?? 'en-US', (counts.get(r.locale ?? 'en-US') ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([locale, n]) => `${locale} ${n}`)
    .join(' · ');
}
