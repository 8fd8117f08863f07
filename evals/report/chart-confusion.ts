import { html } from 'hono/html';
import type { BarrierSummary } from '../runner/run-types.js';

const CELL = 44;
const LABEL = 120;
/** Column labels are rotated, so they need less room above than row labels need beside. */
const TOP = 90;

/** Only barriers that occur as expected or predicted: ten empty rows would hide the few that matter. */
function present(b: BarrierSummary): number[] {
  return b.labels
    .map((_, i) => i)
    .filter((i) => b.matrix[i]!.some((n) => n > 0) || b.matrix.some((row) => row[i]! > 0));
}

/** The barrier confusion matrix as an SVG heat map: rows expected, columns diagnosed, the diagonal in green. */
export function confusionMatrixSvg(b: BarrierSummary) {
  const idx = present(b);
  if (idx.length === 0) return html`<p class="empty">No case has a <code>barrier</code> assertion.</p>`;
  const max = Math.max(1, ...idx.flatMap((r) => idx.map((c) => b.matrix[r]![c]!)));
  const width = LABEL + idx.length * CELL + 10;
  const height = TOP + idx.length * CELL + 10;
  const cells = idx.flatMap((r, y) =>
    idx.map((c, x) => {
      const n = b.matrix[r]![c]!;
      const alpha = n === 0 ? 0.04 : 0.2 + 0.8 * (n / max);
      const hue = r === c ? '22,128,61' : '200,40,40';
      return html`<g class="cell" data-expected="${b.labels[r]}" data-predicted="${b.labels[c]}" data-count="${n}">
        <rect x="${LABEL + x * CELL}" y="${TOP + y * CELL}" width="${CELL - 2}" height="${CELL - 2}" rx="3"
          fill="rgba(${hue},${alpha.toFixed(2)})"><title>expected ${b.labels[r]}, diagnosed ${b.labels[c]}: ${n}</title></rect>
        <text x="${LABEL + x * CELL + CELL / 2 - 1}" y="${TOP + y * CELL + CELL / 2 + 4}" text-anchor="middle">${n || ''}</text>
      </g>`;
    }),
  );
  const rowLabels = idx.map(
    (r, y) =>
      html`<text class="axis" x="${LABEL - 6}" y="${TOP + y * CELL + CELL / 2 + 4}" text-anchor="end">${b.labels[r]}</text>`,
  );
  const colLabels = idx.map((c, x) => {
    const cx = LABEL + x * CELL + CELL / 2;
    return html`<text class="axis" x="${cx}" y="${TOP - 6}" transform="rotate(-45 ${cx} ${TOP - 6})">${b.labels[c]}</text>`;
  });
  return html`<svg id="confusion-matrix" class="chart" role="img" viewBox="0 0 ${width} ${height}"
    width="${width}" height="${height}" aria-label="Confusion matrix of barriers: rows expected, columns diagnosed">
    ${rowLabels}${colLabels}${cells}
  </svg>`;
}
