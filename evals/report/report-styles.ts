/** Inline, so the report opens offline from a file or an attachment with nothing to fetch. */
export const REPORT_CSS = `
:root { color-scheme: light; --ok: #16803d; --bad: #c82828; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 1100px; padding: 24px; color: #111827; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.meta { color: var(--muted); margin: 0; } code { font-size: 12px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin-top: 16px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card b { display: block; font-size: 20px; } .card span { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; background: #f9fafb; } .num { text-align: right; font-variant-numeric: tabular-nums; }
.held { color: var(--ok); font-weight: 600; } .broken { color: var(--bad); font-weight: 600; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; }
.badge.pass { background: #dcfce7; color: var(--ok); } .badge.fail { background: #fee2e2; color: var(--bad); }
.chart { max-width: 100%; height: auto; font-size: 12px; }
.chart text { fill: #111827; } .chart .axis { fill: var(--muted); }
.chart .pass { fill: var(--ok); } .chart .fail { fill: var(--bad); } .chart .skip { fill: #9ca3af; }
.chart .bin { fill: #3b82f6; } .chart .marker { stroke: #f59e0b; stroke-dasharray: 4 3; } .chart .axis-line { stroke: var(--muted); }
.chart .marker-label { fill: #b45309; }
ul.reasons { margin: 0; padding-left: 18px; } ul.reasons li.held { color: inherit; font-weight: normal; }
table.cases td { max-width: 340px; } ol.io { margin: 0; padding-left: 18px; } .msg { white-space: pre-wrap; }
.muted { color: var(--muted); } tr.fail td:first-child { border-left: 3px solid var(--bad); }
.side { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; } .side > div { border: 1px solid var(--line); border-radius: 8px; padding: 8px; } .empty { color: var(--muted); font-style: italic; }
`;
