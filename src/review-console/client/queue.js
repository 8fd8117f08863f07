// View 1: the queue of pending runs, newest first.
import { api, explain } from './api.js';
import { $, fill, h, pct, say, time } from './dom.js';
import { describeReason } from './reasons.js';

function row(review) {
  const why = describeReason(review.reason);
  const diagnosis = review.diagnosis ?? {};
  return h(
    'tr',
    { 'data-review-id': review.id },
    h('td', {}, h('strong', {}, why.title), why.detail ? h('div', { class: 'muted' }, why.detail) : null),
    h('td', {}, diagnosis.barrier ?? '—'),
    h('td', {}, pct(diagnosis.confidence)),
    h('td', {}, review.message?.channel ?? '—'),
    // The language the subject reads: a reviewer judges a Spanish message as Spanish.
    h('td', { class: 'mono' }, review.locale ?? 'en-US'),
    h('td', {}, time(review.createdAt)),
    h(
      'td',
      {},
      h('a', { href: `#/run/${encodeURIComponent(review.traceId)}` }, 'Open ', h('span', { class: 'mono' }, review.id)),
    ),
  );
}

/** Reloads the queue from the API; called on entry, on Refresh and after every decision. */
export async function loadQueue() {
  const body = $('queue-body');
  say($('queue-error'), '');
  $('queue-table').setAttribute('aria-busy', 'true');
  try {
    const { reviews } = await api('/v1/reviews?status=pending&limit=200');
    fill(body, reviews.map(row));
    $('queue-empty').hidden = reviews.length > 0;
    $('queue-table').hidden = reviews.length === 0;
  } catch (err) {
    say($('queue-error'), explain(err));
  } finally {
    $('queue-table').removeAttribute('aria-busy');
  }
}
