// View 4: runs by time window, status, barrier, programme, subject, block or approval code, each linking to its run.
import { api, explain } from './api.js';
import { $, fill, h, ms, say, statusBadge, time } from './dom.js';

let nextQuery = null;
const TEXT_FIELDS = ['program', 'subject', 'block', 'approvalCode'];

/** datetime-local inputs carry no zone: read them as the reviewer's local time and send UTC. */
function query(form, cursor) {
  const q = new URLSearchParams({ limit: '50' });
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) q.set(name, new Date(value).toISOString());
  }
  for (const name of ['status', 'barrier', ...TEXT_FIELDS]) {
    const value = form.elements[name].value.trim();
    if (value) q.set(name, value);
  }
  if (cursor) q.set('cursor', cursor);
  return q;
}

const cell = (label, ...children) => h('td', { 'data-label': label }, ...children);

function row(t) {
  return h(
    'tr',
    { 'data-trace-id': t.traceId },
    cell('Created', time(t.createdAt)),
    cell('Status', statusBadge(t.status)),
    cell('Barrier', t.barrier ?? '—'),
    cell('Programme', t.program),
    cell('Subject', h('span', { class: 'mono' }, t.subjectRef ?? 'erased')),
    cell('Channel', t.channel ?? '—'),
    cell('Duration', ms(t.durationMs)),
    cell('Run', h('a', { href: `#/run/${encodeURIComponent(t.traceId)}` }, h('span', { class: 'mono' }, t.traceId))),
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

let programsLoaded = false;

/** The programme choices come from the library (GET /v1/programs), so a typo cannot be searched for. */
export async function loadPrograms() {
  if (programsLoaded) return;
  programsLoaded = true;
  const select = $('search-program');
  try {
    const { programs } = await api('/v1/programs');
    select.append(...programs.map((p) => h('option', { value: p }, p)));
  } catch {
    programsLoaded = false; // tried again next time the view opens
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
