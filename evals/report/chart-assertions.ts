import { html } from 'hono/html';
import type { RunSummary } from '../runner/run-types.js';

const ROW = 28;
const LABEL = 170;
const BAR = 360;

/** Pass, fail and skipped per assertion type as stacked horizontal bars, with the pass rate beside each. */
export function assertionBarsSvg(byAssertion: RunSummary['byAssertion']) {
  const rows = Object.entries(byAssertion).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return html`<p class="empty">No assertions ran.</p>`;
  const height = rows.length * ROW + 10;
  const bars = rows.map(([type, c], i) => {
    const total = c.pass + c.fail + c.skipped || 1;
    const y = 5 + i * ROW;
    const w = (n: number) => (n / total) * BAR;
    const judged = c.pass + c.fail;
    const rate = judged ? `${Math.round((c.pass / judged) * 100)}%` : 'skipped';
    return html`<g class="bar" data-type="${type}" data-pass="${c.pass}" data-fail="${c.fail}" data-skipped="${c.skipped}">
      <text class="axis" x="${LABEL - 8}" y="${y + 17}" text-anchor="end">${type}</text>
      <rect class="pass" x="${LABEL}" y="${y}" width="${w(c.pass)}" height="${ROW - 8}"><title>${c.pass} passed</title></rect>
      <rect class="fail" x="${LABEL + w(c.pass)}" y="${y}" width="${w(c.fail)}" height="${ROW - 8}"><title>${c.fail} failed</title></rect>
      <rect class="skip" x="${LABEL + w(c.pass) + w(c.fail)}" y="${y}" width="${w(c.skipped)}" height="${ROW - 8}"><title>${c.skipped} skipped</title></rect>
      <text x="${LABEL + BAR + 8}" y="${y + 17}">${rate} (${c.pass}/${judged})</text>
    </g>`;
  });
  return html`<svg id="assertion-pass-rates" class="chart" role="img" viewBox="0 0 ${LABEL + BAR + 110} ${height}"
    width="${LABEL + BAR + 110}" height="${height}" aria-label="Pass rate by assertion type">${bars}</svg>`;
}
