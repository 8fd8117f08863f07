import { html } from 'hono/html';
import type { EvalRun } from '../eval-store.js';
import type { RunSummary } from '../runner/run-types.js';
import { thresholdLabel } from '../runner/thresholds.js';
import { caseTables } from './case-table.js';
import { assertionBarsSvg } from './chart-assertions.js';
import { confusionMatrixSvg } from './chart-confusion.js';
import { latencyHistogramSvg } from './chart-latency.js';
import { localeCounts } from './locale-counts.js';
import { REPORT_CSS } from './report-styles.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number | null) => (x === null ? 'n/a' : Number.isInteger(x) ? String(x) : x.toFixed(3));

const card = (value: string, label: string) => html`<div class="card"><b>${value}</b><span>${label}</span></div>`;

function cards(s: RunSummary) {
  return html`<div class="cards">
    ${card(pct(s.passRate), `pass rate (${s.passed}/${s.cases})`)}${card(String(s.failed), 'failed cases')}
    ${card(String(s.errors), 'case errors')}${card(String(s.flaky.length), 'flaky cases')}
    ${s.barrier.evaluated ? html`${card(pct(s.barrier.accuracy), 'barrier accuracy')}${card(s.barrier.macroF1.toFixed(3), 'barrier macro-F1')}` : ''}
    ${card(`${Math.round(s.latency.p50)} ms`, 'latency p50')}${card(`${Math.round(s.latency.p95)} ms`, 'latency p95')}
  </div>`;
}

function thresholdTable(s: RunSummary) {
  if (s.thresholds.length === 0) return html`<p class="empty">The suite sets no thresholds.</p>`;
  const rows = s.thresholds.map(
    (t) => html`<tr><td>${thresholdLabel(t)}</td><td class="num">${num(t.actual)}</td>
      <td class="num">${t.min ?? ''}</td><td class="num">${t.max ?? ''}</td>
      <td class="${t.held ? 'held' : 'broken'}">${t.held ? 'held' : `failed${t.note ? `: ${t.note}` : ''}`}</td></tr>`,
  );
  return html`<table id="thresholds"><thead><tr><th>metric</th><th class="num">actual</th><th class="num">min</th><th class="num">max</th><th></th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

function perBarrierTable(s: RunSummary) {
  const rows = s.barrier.perBarrier
    .filter((m) => m.support > 0 || m.precision > 0)
    .map(
      (m) => html`<tr><td>${m.label}</td><td class="num">${m.support}</td><td class="num">${m.precision.toFixed(2)}</td>
        <td class="num">${m.recall.toFixed(2)}</td><td class="num">${m.f1.toFixed(2)}</td></tr>`,
    );
  return html`<table id="per-barrier"><thead><tr><th>barrier</th><th class="num">expected</th><th class="num">precision</th><th class="num">recall</th><th class="num">F1</th></tr></thead>
    <tbody>${rows}</tbody></table>`;
}

/** One self-contained page (inline CSS and SVG, no script, a CSP that forbids fetching anything). */
export function renderHtmlReport(run: EvalRun): string {
  const s = run.summary;
  const c = run.config;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Eval ${run.suite.name} — ${run.id}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${run.suite.name} <span class="badge ${run.status === 'done' && s?.thresholdsHeld ? 'pass' : 'fail'}">${run.status === 'done' ? (s?.thresholdsHeld ? 'thresholds held' : 'thresholds failed') : run.status}</span></h1>
<p class="meta">run <code>${run.id}</code> · started ${run.startedAt}${run.finishedAt ? ` · finished ${run.finishedAt}` : ''}
  · commit ${run.gitCommit ? run.gitCommit.slice(0, 12) : 'none'}${run.accepted ? ' · accepted baseline' : ''}</p>
<p class="meta">${c.mode}${c.against ? ` against ${c.against}` : ''} · model ${c.model ?? 'as the service is configured'} · repeat ${c.repeat}
  · concurrency ${c.concurrency}${c.filter.length ? ` · tags ${c.filter.join(', ')}` : ''}</p>
<p class="meta" id="locales">subject locales: ${localeCounts(run.results ?? []) || 'none'}</p>
${run.error ? html`<p class="broken">${run.error}</p>` : ''}
${
  s
    ? html`${cards(s)}
<h2>Thresholds</h2>${thresholdTable(s)}
<h2>Barriers: expected (rows) × diagnosed (columns)</h2>${confusionMatrixSvg(s.barrier)}
${s.barrier.evaluated ? perBarrierTable(s) : ''}
<h2>Pass rate by assertion</h2>${assertionBarsSvg(s.byAssertion)}
<h2>Latency distribution</h2>${latencyHistogramSvg(s.latency)}
<h2>Cases: input, message, assertions</h2>${caseTables(run.results ?? [])}`
    : html`<p class="empty">No results yet (${run.progress.done}/${run.progress.total} done).</p>`
}
</body></html>`;
  return String(page);
}
