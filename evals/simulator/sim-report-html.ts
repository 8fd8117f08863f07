import { html } from 'hono/html';
import { REPORT_CSS } from '../report/report-styles.js';
import type { Estimate } from './bootstrap.js';
import { barChartSvg, lineChartSvg } from './chart-series.js';
import type { PolicyName } from './sim-policies.js';
import type { Metric, SimResult } from './sim-result.js';

// One colour per policy, shared by every chart; the rest of the look is the eval reports'.
const SIM_CSS = `
.chart .series { fill: none; stroke-width: 2; } .chart .grid { stroke: var(--line); }
.chart .whisker { stroke: #111827; stroke-width: 1.5; } .chart .series-label { font-size: 11px; }
.none { stroke: #9ca3af; fill: #9ca3af; } .table { stroke: #2563eb; fill: #2563eb; }
.random { stroke: #f59e0b; fill: #f59e0b; } .learning { stroke: #16a34a; fill: #16a34a; }
.oracle { stroke: #7c3aed; fill: #7c3aed; } polyline.series { fill: none; }
.chart text.series-label { stroke: none; }
`;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const dec = (digits: number) => (x: number) => x.toFixed(digits);
const FORMAT: Record<Metric, (x: number) => string> = {
  pdc: dec(3),
  pdcAtLeast80: pct,
  messagesPerSubject: dec(1),
  optOuts: dec(0),
  regret: dec(2),
};
const LABEL: Record<Metric, string> = {
  pdc: 'PDC (mean)',
  pdcAtLeast80: 'PDC ≥ 0.8',
  messagesPerSubject: 'messages / subject',
  optOuts: 'opt-outs',
  regret: 'regret vs oracle / subject',
};

const interval = (ci: [number, number], f: (x: number) => string) => `${f(ci[0])} – ${f(ci[1])}`;

function metricsTable(result: SimResult) {
  const metrics = Object.keys(LABEL) as Metric[];
  const rows = result.metadata.policies.map((p) => {
    const s = result.policies[p]!;
    return html`<tr data-policy="${p}"><td>${p}</td>${metrics.map(
      (m) => html`<td class="num">${FORMAT[m](s[m])}<br><small>${interval(s.ci[m], FORMAT[m])}</small></td>`,
    )}</tr>`;
  });
  return html`<table id="policy-metrics"><thead><tr><th>policy</th>${metrics.map((m) => html`<th class="num">${LABEL[m]}</th>`)}</tr></thead>
    <tbody>${rows}</tbody></table>`;
}

const card = (value: string, label: string) => html`<div class="card"><b>${value}</b><span>${label}</span></div>`;
const estimateCard = (e: Estimate | undefined, label: string, f: (x: number) => string) =>
  e ? card(f(e.value), `${label} (95% CI ${interval(e.ci, f)})`) : '';

function comparisonCards(result: SimResult) {
  const c = result.comparisons;
  const signed = (f: (x: number) => string) => (x: number) => `${x > 0 ? '+' : ''}${f(x)}`;
  return html`<div class="cards">
    ${estimateCard(c.shareOfOracleUplift?.learning, "learning's share of the oracle's PDC uplift", pct)}
    ${estimateCard(c.shareOfOracleUplift?.table, "table's share of the oracle's PDC uplift", pct)}
    ${estimateCard(c.learningMinusTable?.pdc, 'PDC, learning − table', signed(dec(4)))}
    ${estimateCard(c.learningMinusTable?.messagesPerSubject, 'messages / subject, learning − table', signed(dec(2)))}
    ${estimateCard(c.learningMinusTable?.optOuts, 'opt-outs, learning − table', signed(dec(0)))}
  </div>`;
}

/** The simulator comparison as one self-contained page (inline CSS and SVG, no script). */
export function renderSimulationHtml(result: SimResult): string {
  const m = result.metadata;
  const names = m.policies;
  const series = (pick: (d: NonNullable<SimResult['daily'][PolicyName]>) => number[]) =>
    names.map((p) => ({ name: p, values: pick(result.daily[p]!) }));
  const bars = (metric: Metric) =>
    names.map((p) => ({ name: p, value: result.policies[p]![metric], ci: result.policies[p]!.ci[metric] }));
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulation — ${m.program}, seed ${m.seed}</title><style>${REPORT_CSS}${SIM_CSS}</style></head>
<body>
<h1>Policy simulation: ${m.program}</h1>
<p class="meta">seed ${m.seed} · ${m.subjects} simulated subjects · ${m.days} days · cap ${m.frequencyCap} per ${m.windowDays} days
  · ${m.programmeSpread === 0 ? 'the design table right on average' : `programme departs from the design table's ranking (spread ${m.programmeSpread})`}
  · 95% intervals from ${m.bootstrapResamples} paired bootstrap resamples over subjects · same subjects and draws for every policy</p>
${comparisonCards(result)}
<h2>Policies at day ${m.days}</h2>${metricsTable(result)}
<h2>PDC so far, by day</h2>${lineChartSvg(
    'chart-pdc',
    'Mean proportion of days covered so far, per policy',
    series((d) => d.pdc),
    dec(3),
  )}
<h2>Cumulative regret against the oracle (per subject)</h2>${lineChartSvg(
    'chart-regret',
    'Cumulative regret per subject',
    series((d) => d.regret),
    dec(2),
  )}
<h2>Messages per subject</h2>${barChartSvg('chart-messages', 'Messages per subject', bars('messagesPerSubject'), dec(1))}
<h2>Opt-outs</h2>${barChartSvg('chart-optouts', 'Subjects who opted out', bars('optOuts'), dec(0))}
</body></html>`;
  return String(page);
}
