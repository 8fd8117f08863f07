import { html } from 'hono/html';
import type { CaseOutput, CaseResult } from '../runner/run-types.js';

/** What the case sent: each signal's type and words. */
export function inputCell(c: Pick<CaseResult, 'input'>) {
  if (!c.input?.length) return html`<span class="empty">no signals</span>`;
  return html`<ol class="io">${c.input.map((l) => html`<li><b>${l.type}</b> ${l.text}</li>`)}</ol>`;
}

/** What the case got: the message body, then each block's id and own text. */
export function outputCell(c: { status: string | null; output?: CaseOutput; error?: string }) {
  if (c.error) return html`<span class="broken">error: ${c.error}</span>`;
  if (!c.output) return html`<span class="empty">no message (${c.status ?? 'no answer'})</span>`;
  const o = c.output;
  return html`<div class="msg"><span class="badge">${o.channel}</span> ${o.body}</div>
    <details><summary>${o.blocks.length} block${o.blocks.length === 1 ? '' : 's'}</summary><ol class="io">${o.blocks.map(
      (b) =>
        html`<li><code>${b.id}</code> <span class="muted">${b.approvalCode}</span><br>${b.text ?? html`<span class="empty">text not readable</span>`}</li>`,
    )}</ol></details>`;
}

/** Every assertion with its verdict and, when it failed, why. */
function verdictCell(c: CaseResult) {
  const items = c.assertions.map(
    (a) =>
      html`<li class="${a.skipped ? 'skip' : a.pass ? 'held' : 'broken'}">${a.skipped ? '–' : a.pass ? '✓' : '✗'} <b>${a.name}</b>${a.pass && !a.skipped ? '' : html`: ${a.reason}`}</li>`,
  );
  const flaky = c.flaky
    ? [
        html`<li class="broken">flaky: ${c.flaky.map((v) => `${v.count}× ${v.status ?? 'error'}/${v.barrier ?? '-'}`).join('; ')}</li>`,
      ]
    : [];
  return html`<ul class="reasons">${[...items, ...flaky]}</ul>`;
}

function rows(results: CaseResult[]) {
  return results.map(
    (
      c,
    ) => html`<tr data-case="${c.id}" class="${c.pass ? 'pass' : 'fail'}"><td><code>${c.id}</code><br><span class="muted">${c.locale ?? 'en-US'} · ${c.tags.join(', ')}</span>
      ${c.expectedBarrier && c.expectedBarrier !== c.barrier ? html`<br>barrier ${c.barrier ?? '-'} (expected ${c.expectedBarrier})` : ''}</td>
      <td>${inputCell(c)}</td><td>${outputCell(c)}</td><td>${verdictCell(c)}</td></tr>`,
  );
}

const HEAD = html`<thead><tr><th>case</th><th>input</th><th>message and its blocks</th><th>assertions</th></tr></thead>`;

/**
 * Cases side by side, as promptfoo shows them: input, what was produced (with each block's text), and each
 * assertion's verdict with why it failed. Failed cases first; passed ones folded below.
 */
export function caseTables(results: CaseResult[]) {
  const failed = results.filter((c) => !c.pass);
  const passed = results.filter((c) => c.pass);
  return html`${
    failed.length
      ? html`<table id="failed-cases" class="cases">${HEAD}<tbody>${rows(failed)}</tbody></table>`
      : html`<p class="empty">Every case passed.</p>`
  }
  ${passed.length ? html`<details><summary>${passed.length} passed case${passed.length === 1 ? '' : 's'}</summary><table id="passed-cases" class="cases">${HEAD}<tbody>${rows(passed)}</tbody></table></details>` : ''}`;
}
