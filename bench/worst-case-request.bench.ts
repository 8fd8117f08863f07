/**
 * The worst-case request over HTTP (issue 10): one compose whose body is 1 MB of a single token, and
 * one with the longest token the schema admits in a survey answer, each while a client polls /healthz.
 * Baseline: /healthz polled the same way with nothing else in flight, in the same process.
 * (The redaction of 1 MB texts on its own is `worst-case-input`.)
 */
import { parseEnv } from '../src/env.js';
import { createLogger } from '../src/logger.js';
import { startService } from '../src/service.js';
import { printRatio, printTable, printTarget } from './support/report.js';
import { percentile } from './support/stats.js';

const KEY = 'bench-client-key-0001';
const ANSWER_TARGET_MS = 1000;
const HEALTH_TARGET_MS = 100;
const POLL_MS = 10;

const body = (answer: string) =>
  JSON.stringify({
    subject: { id: 'bench-worst', audience: 'patient', consents: { sms: true } },
    program: 'lumenzo-adherence',
    channel: 'sms',
    signals: [
      { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } },
      { type: 'survey_response', data: { question: 'What got in the way?', answer } },
    ],
  });

/** /healthz polled every POLL_MS until `until` settles: the latency of each answer. */
async function pollHealth(url: string, until: Promise<unknown>) {
  const latencies: number[] = [];
  let done = false;
  void until.finally(() => {
    done = true;
  });
  while (!done) {
    const t0 = performance.now();
    await fetch(`${url}/healthz`).then((r) => r.arrayBuffer());
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  return latencies;
}

async function compose(url: string, text: string) {
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/compose`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: text,
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0, bytes: Buffer.byteLength(text) };
}

export default async function run() {
  const env = parseEnv({ PORT: '0', NOF1_DATA_DIR: 'memory', NOF1_API_KEYS: `client:${KEY}`, LOG_LEVEL: 'silent' });
  const svc = await startService(env, createLogger('silent'));
  try {
    await compose(svc.url, body('the copay is too high')); // warm-up
    const idle = await pollHealth(svc.url, new Promise((r) => setTimeout(r, 1000)));
    // 1 MB of one token: past the field bounds, so refused before anything scans it.
    const mb = 'a'.repeat(1024 * 1024 - 400);
    // The longest answer the signal-data bound admits, one token: composed, scanned in full.
    const longest = 'a'.repeat(16_000);
    const rows: Array<Array<string | number>> = [];
    const results = [];
    for (const [label, text] of [
      ['1 MB body, one token', body(mb)],
      ['16,000-character token (largest admitted)', body(longest)],
    ] as const) {
      const answer = compose(svc.url, text);
      const health = await pollHealth(svc.url, answer);
      const a = await answer;
      results.push({ label, ...a, health });
      rows.push([
        label,
        a.status,
        a.ms,
        health.length,
        percentile(health, 50),
        percentile(health, 95),
        Math.max(...health),
      ]);
    }
    printTable('worst-case compose requests with /healthz polled meanwhile (ms)', [
      ['request', 'status', 'answered ms', 'healthz polls', 'healthz p50', 'healthz p95', 'healthz max'],
      [
        'baseline: nothing else in flight',
        '-',
        '-',
        idle.length,
        percentile(idle, 50),
        percentile(idle, 95),
        Math.max(...idle),
      ],
      ...rows,
    ]);
    const worstHealth = Math.max(...results.flatMap((r) => r.health));
    printRatio('healthz max during worst-case requests / healthz max idle', worstHealth / Math.max(...idle));
    for (const r of results) printTarget(`${r.label} answered`, r.ms, ANSWER_TARGET_MS, 'ms');
    printTarget('healthz max while they ran', worstHealth, HEALTH_TARGET_MS, 'ms');
  } finally {
    await svc.close();
  }
}
