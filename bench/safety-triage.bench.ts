import { extractFeatures } from '../agents/barrier/text-features.js';
import { freeTexts } from '../agents/safety/free-texts.js';
import { loadSafetyLocale } from '../agents/safety/load-safety-locale.js';
import { createOfflineSafetyEngine } from '../agents/safety/offline-safety-engine.js';
import type { TriageText } from '../agents/safety/safety-types.js';
import { triageWith } from '../agents/safety/triage-text.js';
import { BARRIER_SIGNALS } from '../test/support/barrier-signals.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { mean, percentile } from './support/stats.js';

const WARMUP = 200;
const ROUNDS = 100; // interleaved rounds; each triages every request once and extracts its barrier features once
const TARGET_P95_MS = 2;
const TARGET_MB_MS = 1000;
const MB = 1 << 20;

const stats = (ms: number[]) => [percentile(ms, 50), percentile(ms, 95), percentile(ms, 99), mean(ms)];

/** The free texts of one realistic compose request per barrier (the same texts the compose benchmark sends). */
const REQUESTS: TriageText[][] = Object.values(BARRIER_SIGNALS).map((signals) => freeTexts(signals));

function timeSync(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU ms of this process during fn: on a shared machine a descheduled process inflates wall time, not CPU time. */
async function cpuMs(fn: () => unknown): Promise<{ wall: number; cpu: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await fn();
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

/** Triage of a compose's free text against the barrier engine's feature extraction on the same text, interleaved. */
async function perCompose() {
  const engine = createOfflineSafetyEngine();
  const triage = (texts: TriageText[]) => engine.triage({ texts, locale: 'en-US' });
  const baseline = (texts: TriageText[]) => texts.map((t) => extractFeatures(t.text));
  for (let i = 0; i < WARMUP; i++) {
    const texts = REQUESTS[i % REQUESTS.length]!;
    await triage(texts);
    baseline(texts);
  }
  const ms = {
    triage: [] as number[],
    baseline: [] as number[],
    triageCpu: [] as number[],
    baselineCpu: [] as number[],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const texts of REQUESTS) {
      const t = await cpuMs(() => triage(texts));
      ms.triage.push(t.wall);
      ms.triageCpu.push(t.cpu);
      const b = await cpuMs(() => baseline(texts));
      ms.baseline.push(b.wall);
      ms.baselineCpu.push(b.cpu);
    }
  }
  printTable(
    `safety triage per compose: ${ROUNDS} rounds × ${REQUESTS.length} requests (one free text each, ${Math.min(...REQUESTS.map((r) => r[0]!.text.length))}–${Math.max(...REQUESTS.map((r) => r[0]!.text.length))} chars) (ms)`,
    [
      ['variant', 'p50', 'p95', 'p99', 'mean', 'cpu p95'],
      ['offline triage (rules + windowed classifier)', ...stats(ms.triage), percentile(ms.triageCpu, 95)],
      ['baseline: barrier extractFeatures, same text', ...stats(ms.baseline), percentile(ms.baselineCpu, 95)],
    ],
  );
  printRatio(
    'safety triage p95 / barrier feature extraction p95',
    percentile(ms.triage, 95) / percentile(ms.baseline, 95),
  );
  return percentile(ms.triage, 95);
}

/** Worst cases: a megabyte single token, a megabyte of prose, and how time grows with length (linear, then capped). */
function worstCases() {
  const data = loadSafetyLocale('en-US');
  const sentence = 'My skin is better but the copay went up again and I keep forgetting the shot. ';
  const prose = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars);
  const best = (fn: () => unknown) => Math.min(...Array.from({ length: 3 }, () => timeSync(fn)));
  const rows: Array<[string, number, number]> = [];
  for (const chars of [2_000, 20_000, 200_000, MB]) {
    const text = prose(chars);
    const ms = best(() => triageWith(data, text));
    rows.push([`prose, ${chars.toLocaleString('en-US')} chars`, ms, (ms / chars) * 1000]);
  }
  const token = best(() => triageWith(data, 'a'.repeat(MB)));
  rows.push(['one token, 1,048,576 chars', token, (token / MB) * 1000]);
  const repeats = best(() => triageWith(data, 'suicide'.repeat(MB / 7)));
  rows.push(['one token of a crisis word repeated, 1 MB', repeats, (repeats / MB) * 1000]);
  printTable('worst cases (best of 3, ms; µs per 1,000 chars)', [['input', 'ms', 'µs / 1k chars'], ...rows]);
  const mbProse = rows.find((r) => r[0].startsWith('prose, 1,048,576'))![1];
  printRatio('1 MB prose / 20,000-char prose (µs per char)', rows[3]![2] / rows[1]![2]);
  return Math.max(mbProse, token, repeats);
}

export default async function run() {
  printTarget('safety triage p95 per compose', await perCompose(), TARGET_P95_MS, 'ms');
  printTarget('safety triage of a 1 MB text or token', worstCases(), TARGET_MB_MS, 'ms');
}
