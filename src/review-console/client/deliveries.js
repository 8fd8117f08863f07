// View: webhook dead letters, each with a retry button (POST /v1/deliveries/{id}/retry).
import { api, enc, explain } from './api.js';
import { $, fill, flash, h, say, time } from './dom.js';

async function retry(delivery, button) {
  button.disabled = true;
  try {
    await api(`/v1/deliveries/${enc(delivery.id)}/retry`, { method: 'POST' });
    flash(`Delivery ${delivery.id} will be sent again.`);
    await loadDeliveries();
  } catch (err) {
    say($('deliveries-error'), explain(err));
    button.disabled = false;
  }
}

function row(d) {
  const button = h('button', { type: 'button', 'data-delivery-id': d.id }, 'Send again');
  button.addEventListener('click', () => void retry(d, button));
  return h(
    'tr',
    { 'data-delivery-id': d.id },
    h('td', {}, d.program),
    h('td', { class: 'mono' }, d.runId),
    h('td', {}, String(d.attempts)),
    h('td', {}, d.lastStatus ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')),
    h('td', {}, time(d.updatedAt)),
    h('td', {}, button),
  );
}

/** Reloads the dead letters; called on entry, on Refresh and after every retry. */
export async function loadDeliveries() {
  say($('deliveries-error'), '');
  $('deliveries-table').setAttribute('aria-busy', 'true');
  try {
    const { deliveries } = await api('/v1/deliveries?status=dead&limit=200');
    fill($('deliveries-body'), deliveries.map(row));
    $('deliveries-empty').hidden = deliveries.length > 0;
    $('deliveries-table').hidden = deliveries.length === 0;
  } catch (err) {
    say($('deliveries-error'), explain(err));
  } finally {
    $('deliveries-table').removeAttribute('aria-busy');
  }
}
