import { html } from 'hono/html';
import type { EvalRun } from '../eval-store.js';
import type { CaseChange, Comparison } from '../runner/compare-runs.js';
import type { CaseResult } from '../runner/run-types.js';
import { inputCell, outputCell } from './case-table.js';
import { REPORT_CSS } from './report-styles.js';

const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function side(label: string, r: CaseResult | undefined, change: CaseChange['base']) {
  if (!r || !change) return html`<div><h4>${label}</h4><p class="empty">not in this run</p></div>`;
  return html`<div><h4>${label}: <span class="badge ${change.pass ? 'pass' : 'fail'}">${change.pass ? 'pass' : 'fail'}</span>
    ${change.error ? 'error' : change.status}/${change.barrier ?? '-'}</h4>${outputCell(r)}
    ${change.failed.length ? html`<ul class="reasons">${change.failed.map((f) => html`<li class="broken">✗ ${f}</li>`)}</ul>` : ''}</div>`;
}

function section(
  id: string,
  title: string,
  changes: CaseChange[],
  base: Map<string, CaseResult>,
  head: Map<string, CaseResult>,
) {
  if (changes.length === 0) return '';
  return html`<h2>${title} (${changes.length})</h2><div id="${id}">${changes.map(
    (c) => html`<section class="card" data-case="${c.id}"><h3><code>${c.id}</code></h3>
      ${inputCell(head.get(c.id) ?? base.get(c.id) ?? {})}
      <div class="side">${side('base', base.get(c.id), c.base)}${side('head', head.get(c.id), c.head)}</div></section>`,
  )}</div>`;
}

/** Two runs case by case in one self-contained page: each changed case's input, both messages, and why. */
export function renderComparisonHtml(c: Comparison, baseRun: EvalRun, headRun: EvalRun): string {
  const byId = (run: EvalRun) => new Map((run.results ?? []).map((r) => [r.id, r]));
  const [base, head] = [byId(baseRun), byId(headRun)];
  const notes = [
    ...(c.base.suite === c.head.suite ? [] : ['The runs are of different suites; cases are matched by id.']),
    ...(c.suiteChanged
      ? [
          `The suite changed between these runs (content digest ${c.suiteChanged.base ?? 'unknown'} → ${c.suiteChanged.head ?? 'unknown'}): a difference may come from the suite, not the service.`,
        ]
      : []),
  ];
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compare ${c.base.id} → ${c.head.id}</title><style>${REPORT_CSS}</style></head>
<body>
<h1>${c.head.suite}: ${c.base.id} → ${c.head.id} <span class="badge ${c.regressions.length ? 'fail' : 'pass'}">${c.regressions.length ? `${c.regressions.length} regression(s)` : 'no regressions'}</span></h1>
<p class="meta">pass rate ${pct(c.base.passRate)} → ${pct(c.head.passRate)} · barrier accuracy ${pct(c.base.barrierAccuracy)} → ${pct(c.head.barrierAccuracy)}</p>
${notes.map((n) => html`<p class="broken" id="suite-note">${n}</p>`)}
${section('regressions', 'Regressions: passed, now fail', c.regressions, base, head)}
${section('fixes', 'Fixes: failed, now pass', c.fixes, base, head)}
${section('changed', 'Changed answers (same verdict)', c.changed, base, head)}
${section('added', 'New cases', c.added, base, head)}
${section('removed', 'Cases no longer in the run', c.removed, base, head)}
</body></html>`;
  return String(page);
}
