// View 1: the queue of pending runs. The API orders it: safety holds first, then newest first.
import { api, enc, explain } from './api.js';
import { $, badge, fill, h, pct, say, time } from './dom.js';
import { describeReason } from './reasons.js';

/** A cell that names its column, so the narrow layout can show the label beside the value. */
const cell = (label, ...children) => h('td', { 'data-label': label }, ...children);

function row(review) {
  const why = describeReason(review.reason);
  const diagnosis = review.diagnosis ?? {};
  return h(
    'tr',
    { 'data-review-id': review.id, class: why.safety ? 'safety' : null },
    cell(
      'Why held',
      h('strong', {}, why.safety ? [badge('safety', 'bad'), ' '] : null, why.title),
      why.detail ? h('div', { class: 'muted' }, why.detail) : null,
    ),
    cell('Programme', review.program ?? '—'),
    cell('Subject', h('span', { class: 'mono' }, review.subjectRef ?? 'erased')),
    cell('Barrier', diagnosis.barrier ?? '—'),
    cell('Confidence', pct(diagnosis.confidence)),
    cell('Channel', review.message?.channel ?? '—'),
    // The language the subject reads: a reviewer judges a Spanish message as Spanish.
    cell('Locale', h('span', { class: 'mono' }, review.locale ?? 'en-US')),
    cell('Created', time(review.createdAt)),
    cell(
      'Run',
      h('a', { href: `#/run/${encodeURIComponent(review.traceId)}` }, 'Open ', h('span', { class: 'mono' }, review.id)),
    ),
  );
}

/** Reloads the queue from the API; called on entry, on Refresh, on a new filter and after every decision. */
export async function loadQueue() {
  const body = $('queue-body');
  const reason = /** @type {HTMLSelectElement} */ ($('queue-reason')).value;
  say($('queue-error'), '');
  $('queue-table').setAttribute('aria-busy', 'true');
  try {
    const { reviews } = await api(`/v1/reviews?status=pending&limit=200${reason ? `&reason=${enc(reason)}` : ''}`);
    fill(body, reviews.map(row));
    $('queue-empty').textContent = reason
      ? 'No run is waiting for review for this reason.'
      : 'Nothing is waiting for review.';
    $('queue-empty').hidden = reviews.length > 0;
    $('queue-table').hidden = reviews.length === 0;
  } catch (err) {
    say($('queue-error'), explain(err));
  } finally {
    $('queue-table').removeAttribute('aria-busy');
  }
}
