import { html } from 'hono/html';
import type { RunSummary } from '../runner/run-types.js';

const W = 560;
const H = 200;
const PAD = { left: 40, right: 10, top: 10, bottom: 36 };
const BINS = 12;

/** Equal-width bins from 0 to the slowest call; enough resolution to show a slow tail without noise. */
function histogram(samples: number[], bins = BINS): { width: number; counts: number[] } {
  const max = Math.max(1, ...samples);
  const width = max / bins;
  const counts = Array.from({ length: bins }, () => 0);
  for (const s of samples) counts[Math.min(bins - 1, Math.floor(s / width))]!++;
  return { width, counts };
}

/** The latency distribution as a histogram, with p50 and p95 marked. */
export function latencyHistogramSvg(latency: RunSummary['latency']) {
  if (latency.samples.length === 0) return html`<p class="empty">No call finished.</p>`;
  const { width, counts } = histogram(latency.samples);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const top = Math.max(...counts);
  const max = width * counts.length;
  const xOf = (ms: number) => PAD.left + (ms / max) * plotW;
  const bars = counts.map((n, i) => {
    const h = (n / top) * plotH;
    const from = Math.round(i * width);
    const to = Math.round((i + 1) * width);
    return html`<rect class="bin" data-count="${n}" x="${PAD.left + (i * plotW) / counts.length + 1}" y="${PAD.top + plotH - h}"
      width="${plotW / counts.length - 2}" height="${h}"><title>${from}–${to} ms: ${n}</title></rect>`;
  });
  // Labels sit on separate lines (p50 and p95 are often close) and flip left near the right edge.
  const marker = (ms: number, label: string, line: number) => {
    const x = xOf(ms);
    const flip = x > W - 120;
    return html`<line class="marker" x1="${x}" x2="${x}" y1="${PAD.top}" y2="${PAD.top + plotH}"></line>
      <text class="marker-label" x="${flip ? x - 4 : x + 4}" y="${PAD.top + 12 + line * 14}" text-anchor="${flip ? 'end' : 'start'}">${label} ${Math.round(ms)} ms</text>`;
  };
  return html`<svg id="latency-histogram" class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"
    aria-label="Latency distribution in milliseconds">
    ${bars}
    <line class="axis-line" x1="${PAD.left}" x2="${W - PAD.right}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}"></line>
    <text class="axis" x="${PAD.left}" y="${H - 14}">0</text>
    <text class="axis" x="${W - PAD.right}" y="${H - 14}" text-anchor="end">${Math.round(max)} ms</text>
    <text class="axis" x="${PAD.left - 6}" y="${PAD.top + 10}" text-anchor="end">${top}</text>
    ${marker(latency.p50, 'p50', 0)}${marker(latency.p95, 'p95', 1)}
  </svg>`;
}
