// View: safety cases for the safety role (GET /v1/safety/cases), one case opened below with its words,
// history and the transitions its status allows (POST /v1/safety/cases/{id}/transition).
import { api, enc, explain } from './api.js';
import { $, badge, fill, flash, h, say, time } from './dom.js';

/** Which actions each status allows (the service refuses the others with a 409). */
const ALLOWED = {
  open: ['acknowledge', 'report'],
  acknowledged: ['report', 'close'],
  reported: ['close'],
  closed: [],
};
const kindName = (k) => String(k).replace('_', ' ');
let current = null;

function row(c) {
  const open = h('button', { type: 'button', 'data-case-id': c.id }, 'Open');
  open.addEventListener('click', () => void openCase(c.id));
  return h(
    'tr',
    { 'data-case-id': c.id, class: c.overdue ? 'overdue' : null },
    h('td', {}, kindName(c.kind)),
    h('td', {}, c.status),
    h('td', {}, c.product ?? '—'),
    h('td', {}, time(c.detectedAt)),
    h('td', {}, time(c.dueBy)),
    h('td', {}, c.overdue ? badge('overdue', 'bad') : 'no'),
    h('td', {}, open),
  );
}

/** Reloads the list with the chosen filters; called on entry, on Refresh and after a transition. */
export async function loadCases() {
  say($('cases-error'), '');
  $('cases-table').setAttribute('aria-busy', 'true');
  const status = /** @type {HTMLSelectElement} */ ($('cases-status')).value;
  const kind = /** @type {HTMLSelectElement} */ ($('cases-kind')).value;
  const query = [status ? `status=${enc(status)}` : '', kind ? `kind=${enc(kind)}` : '', 'limit=200']
    .filter(Boolean)
    .join('&');
  try {
    const { cases } = await api(`/v1/safety/cases?${query}`);
    fill($('cases-body'), cases.map(row));
    $('cases-empty').hidden = cases.length > 0;
    $('cases-table').hidden = cases.length === 0;
  } catch (err) {
    say($('cases-error'), explain(err));
  } finally {
    $('cases-table').removeAttribute('aria-busy');
  }
}

function showCase(c) {
  current = c;
  $('case-detail').hidden = false;
  $('case-title').textContent = `${kindName(c.kind)} · ${c.status}${c.overdue ? ' · overdue' : ''}`;
  const fact = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  fill(
    $('case-facts'),
    ...fact('Case', h('span', { class: 'mono' }, c.id)),
    ...fact('Programme', c.program),
    ...fact('Product', c.product ?? '—'),
    ...fact('Subject', h('span', { class: 'mono' }, c.subjectRef)),
    ...fact('Run', h('span', { class: 'mono' }, c.runId)),
    ...fact('Detected', time(c.detectedAt)),
    ...fact('Due by', [time(c.dueBy), c.overdue ? [' ', badge('overdue', 'bad')] : null]),
  );
  $('case-narrative').textContent = c.narrative;
  fill(
    $('case-history'),
    c.history.map((e) =>
      h(
        'li',
        {},
        `${time(e.at)} · ${e.action} by ${e.by}`,
        e.note ? ` — ${e.note}` : '',
        e.reference ? ` (${e.reference})` : '',
      ),
    ),
  );
  for (const b of $('case-actions').querySelectorAll('button[data-action]')) {
    if (b instanceof HTMLButtonElement) b.disabled = !ALLOWED[c.status]?.includes(b.dataset.action);
  }
}

async function openCase(id) {
  say($('case-error'), '');
  try {
    showCase(await api(`/v1/safety/cases/${enc(id)}`));
    $('case-title').focus();
  } catch (err) {
    say($('cases-error'), explain(err));
  }
}

async function transition(action) {
  if (!current) return;
  say($('case-error'), '');
  const note = /** @type {HTMLInputElement} */ ($('case-note'));
  const reference = /** @type {HTMLInputElement} */ ($('case-reference'));
  const body = { action };
  if (note.value.trim()) body.note = note.value.trim();
  if (reference.value.trim()) body.reference = reference.value.trim();
  try {
    const moved = await api(`/v1/safety/cases/${enc(current.id)}/transition`, { method: 'POST', body });
    note.value = '';
    reference.value = '';
    showCase(moved);
    flash(`Case ${moved.id} is now ${moved.status}.`);
    await loadCases();
  } catch (err) {
    say($('case-error'), explain(err));
  }
}

export function bindCases() {
  $('cases-refresh').addEventListener('click', () => void loadCases());
  $('cases-status').addEventListener('change', () => void loadCases());
  $('cases-kind').addEventListener('change', () => void loadCases());
  for (const b of $('case-actions').querySelectorAll('button[data-action]')) {
    if (b instanceof HTMLButtonElement) b.addEventListener('click', () => void transition(b.dataset.action));
  }
}
