import { html } from 'hono/html';

const W = 560;
const H = 220;
const PAD = { left: 52, right: 90, top: 10, bottom: 30 };

export type Series = { name: string; values: readonly number[] };

/** A few round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count = 4): number[] {
  const span = hi - lo || 1;
  const step = 10 ** Math.floor(Math.log10(span / count));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => span / s <= count) ?? step * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / nice) * nice; v <= hi + 1e-9; v += nice) out.push(Number(v.toPrecision(6)));
  return out;
}

/** One line per policy over simulated days, labelled at its right end; each policy has its CSS class. */
export function lineChartSvg(id: string, label: string, series: readonly Series[], format: (v: number) => string) {
  const all = series.flatMap((s) => s.values);
  if (all.length === 0) return html`<p class="empty">No data.</p>`;
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi - lo < 1e-9) [lo, hi] = [lo - 0.5, hi + 0.5];
  const days = Math.max(...series.map((s) => s.values.length));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (d: number) => PAD.left + (days > 1 ? (d / (days - 1)) * plotW : 0);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  // End labels are pushed apart so close final values stay readable.
  const labelY = new Map<string, number>();
  let previous = Number.NEGATIVE_INFINITY;
  for (const s of [...series].sort((a, b) => y(a.values.at(-1) ?? 0) - y(b.values.at(-1) ?? 0))) {
    previous = Math.max(y(s.values.at(-1) ?? 0) + 4, previous + 12);
    labelY.set(s.name, previous);
  }
  const lines = series.map((s) => {
    const points = s.values.map((v, d) => `${x(d).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    const last = s.values.at(-1) ?? 0;
    return html`<polyline class="series ${s.name}" data-policy="${s.name}" points="${points}"><title>${s.name}</title></polyline>
      <text class="series-label ${s.name}" x="${x(s.values.length - 1) + 4}" y="${labelY.get(s.name)}">${s.name} ${format(last)}</text>`;
  });
  const grid = ticks(lo, hi).map(
    (v) => html`<line class="grid" x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${y(v)}" y2="${y(v)}"></line>
      <text class="axis" x="${PAD.left - 6}" y="${y(v) + 4}" text-anchor="end">${format(v)}</text>`,
  );
  return html`<svg id="${id}" class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-label="${label}">
    ${grid}${lines}
    <line class="axis-line" x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${PAD.top + plotH}" y2="${PAD.top + plotH}"></line>
    <text class="axis" x="${PAD.left}" y="${H - 8}">day 1</text>
    <text class="axis" x="${PAD.left + plotW}" y="${H - 8}" text-anchor="end">day ${days}</text>
  </svg>`;
}

export type Bar = { name: string; value: number; ci: [number, number] };

/** Horizontal bars with their 95 % interval as a whisker. */
export function barChartSvg(id: string, label: string, bars: readonly Bar[], format: (v: number) => string) {
  const rowH = 26;
  const h = bars.length * rowH + 10;
  const max = Math.max(1e-9, ...bars.map((b) => b.ci[1]), ...bars.map((b) => b.value));
  const left = 80;
  const plotW = W - left - 80;
  const xOf = (v: number) => left + (v / max) * plotW;
  const rows = bars.map((b, i) => {
    const top = 5 + i * rowH;
    return html`<text x="${left - 6}" y="${top + 15}" text-anchor="end">${b.name}</text>
      <rect class="bar ${b.name}" data-policy="${b.name}" data-value="${b.value}" x="${left}" y="${top + 3}" width="${xOf(b.value) - left}" height="${rowH - 10}"><title>${b.name}: ${format(b.value)} (95% CI ${format(b.ci[0])}–${format(b.ci[1])})</title></rect>
      <line class="whisker" x1="${xOf(b.ci[0])}" x2="${xOf(b.ci[1])}" y1="${top + rowH / 2 - 1}" y2="${top + rowH / 2 - 1}"></line>
      <text class="axis" x="${xOf(Math.max(b.value, b.ci[1])) + 6}" y="${top + 15}">${format(b.value)}</text>`;
  });
  return html`<svg id="${id}" class="chart" role="img" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" aria-label="${label}">${rows}</svg>`;
}
