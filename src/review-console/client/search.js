// View 4: runs by time window, status and barrier, each linking to its timeline.
import { api, explain } from './api.js';
import { $, fill, h, ms, say, statusBadge, time } from './dom.js';

let nextQuery = null;

/** datetime-local inputs carry no zone: read them as the reviewer's local time and send UTC. */
function query(form, cursor) {
  const q = new URLSearchParams({ limit: '50' });
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) q.set(name, new Date(value).toISOString());
  }
  for (const name of ['status', 'barrier']) if (form.elements[name].value) q.set(name, form.elements[name].value);
  if (cursor) q.set('cursor', cursor);
  return q;
}

function row(t) {
  return h(
    'tr',
    { 'data-trace-id': t.traceId },
    h('td', {}, time(t.createdAt)),
    h('td', {}, statusBadge(t.status)),
    h('td', {}, t.barrier ?? '—'),
    h('td', {}, t.program),
    h('td', {}, t.channel ?? '—'),
    h('td', {}, ms(t.durationMs)),
    h('td', {}, h('a', { href: `#/run/${encodeURIComponent(t.traceId)}` }, h('span', { class: 'mono' }, t.traceId))),
  );
}

async function run(q, append) {
  say($('search-error'), '');
  try {
    const { traces, nextCursor } = await api(`/v1/traces?${q}`);
    const body = $('search-body');
    if (append) body.append(...traces.map(row));
    else fill(body, traces.map(row));
    const shown = body.children.length;
    $('search-table').hidden = shown === 0;
    $('search-summary').textContent = shown ? `${shown} run${shown > 1 ? 's' : ''} shown.` : 'No runs match.';
    if (nextCursor) q.set('cursor', nextCursor);
    nextQuery = nextCursor ? q : null;
    $('search-more').hidden = !nextQuery;
  } catch (err) {
    say($('search-error'), explain(err));
  }
}

export function bindSearch() {
  const form = $('search-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run(query(form), false);
  });
  $('search-more').addEventListener('click', () => nextQuery && run(nextQuery, true));
}
