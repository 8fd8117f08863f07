// Entry point: sign-in/out and a tiny hash router between the queue, a run and the search.
import { api, explain, session } from './api.js';
import { loadDeliveries } from './deliveries.js';
import { $, flash, say } from './dom.js';
import { loadQueue } from './queue.js';
import { loadRun } from './run.js';
import { bindSearch } from './search.js';

const VIEWS = ['queue', 'run', 'search', 'deliveries'];

function showSignedIn(signedIn) {
  $('sign-in').hidden = signedIn;
  $('app').hidden = !signedIn;
  $('who').hidden = !signedIn;
}

/** #/queue, #/run/<traceId>, #/search; anything else is the queue. */
function route() {
  if (!session.key()) return;
  const [, view = 'queue', arg] = location.hash.match(/^#\/([a-z]+)(?:\/(.+))?$/) ?? [];
  const current = VIEWS.includes(view) && (view !== 'run' || arg) ? view : 'queue';
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== current;
  for (const a of document.querySelectorAll('nav.views a[data-view]')) {
    if (!(a instanceof HTMLAnchorElement)) continue;
    if (a.dataset.view === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Moving focus to the new view's heading tells keyboard and screen-reader users the page changed.
  $(`${current}-title`).focus();
  if (current === 'queue') void loadQueue();
  if (current === 'deliveries') void loadDeliveries();
  if (current === 'run') {
    flash('');
    void loadRun(decodeURIComponent(arg));
  }
}

async function signIn(e) {
  e.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('key'));
  const key = input.value.trim();
  say($('sign-in-error'), '');
  try {
    // A cheap reviewer-only call: proves the key and its role before anything is stored.
    await api('/v1/reviews?status=pending&limit=1', { key });
    session.set(key);
    input.value = '';
    showSignedIn(true);
    route();
  } catch (err) {
    say($('sign-in-error'), explain(err));
    $('key').focus();
  }
}

function signOut() {
  session.clear();
  flash('');
  showSignedIn(false);
  location.hash = '';
  $('key').focus();
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('queue-refresh').addEventListener('click', () => loadQueue());
$('deliveries-refresh').addEventListener('click', () => loadDeliveries());
window.addEventListener('hashchange', route);
bindSearch();
showSignedIn(Boolean(session.key()));
route();
