// Entry point: sign-in/out and a tiny hash router between the queue, a run and the search.
import { api, explain, session } from './api.js';
import { bindCases, loadCases } from './cases.js';
import { loadDeliveries } from './deliveries.js';
import { $, flash, say } from './dom.js';
import { bindInsights, loadInsights } from './insights.js';
import { loadQueue } from './queue.js';
import { loadRun } from './run.js';
import { bindSearch, loadPrograms } from './search.js';

const VIEWS = ['queue', 'run', 'search', 'deliveries', 'insights', 'cases'];
const ROLES = 'nof1.roles';
/** A key with only the safety role starts at the safety cases: the review queue is not theirs. */
const safetyOnly = () => {
  const roles = (sessionStorage.getItem(ROLES) ?? '').split(',');
  return roles.includes('safety') && !roles.includes('reviewer') && !roles.includes('admin');
};

function showSignedIn(signedIn) {
  $('sign-in').hidden = signedIn;
  $('app').hidden = !signedIn;
  $('who').hidden = !signedIn;
}

/** #/queue, #/run/<traceId>, #/search, #/deliveries, #/cases; anything else is the queue (the cases for a safety-only key). */
function route() {
  if (!session.key()) return;
  const [, view = '', arg] = location.hash.match(/^#\/([a-z]+)(?:\/(.+))?$/) ?? [];
  const current = VIEWS.includes(view) && (view !== 'run' || arg) ? view : safetyOnly() ? 'cases' : 'queue';
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== current;
  for (const a of document.querySelectorAll('nav.views a[data-view]')) {
    if (!(a instanceof HTMLAnchorElement)) continue;
    if (a.dataset.view === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  // Moving focus to the new view's heading tells keyboard and screen-reader users the page changed.
  $(`${current}-title`).focus();
  if (current === 'queue') void loadQueue();
  if (current === 'search') void loadPrograms();
  if (current === 'deliveries') void loadDeliveries();
  if (current === 'insights') void loadInsights();
  if (current === 'cases') void loadCases();
  if (current === 'run') {
    flash('');
    void loadRun(decodeURIComponent(arg));
  }
}

/** The header names the signed-in key and its real roles, as the service states them. */
function showWho(me) {
  $('who-name').textContent = `Signed in as ${me.name} (${me.roles.join(', ')})`;
  sessionStorage.setItem(ROLES, me.roles.join(','));
}

const canReview = (me) => ['reviewer', 'admin', 'safety'].some((r) => me.roles.includes(r));

async function signIn(e) {
  e.preventDefault();
  const input = /** @type {HTMLInputElement} */ ($('key'));
  const key = input.value.trim();
  say($('sign-in-error'), '');
  try {
    // Proves the key and learns its roles before anything is stored.
    const me = await api('/v1/me', { key });
    if (!canReview(me)) {
      say($('sign-in-error'), 'That key is valid but has no reviewer role (nor the safety role).');
      $('key').focus();
      return;
    }
    session.set(key);
    input.value = '';
    showWho(me);
    showSignedIn(true);
    route();
  } catch (err) {
    say($('sign-in-error'), explain(err));
    $('key').focus();
  }
}

function signOut() {
  session.clear();
  sessionStorage.removeItem(ROLES);
  flash('');
  showSignedIn(false);
  location.hash = '';
  $('key').focus();
}

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOut);
$('queue-refresh').addEventListener('click', () => loadQueue());
$('queue-reason').addEventListener('change', () => loadQueue());
$('deliveries-refresh').addEventListener('click', () => loadDeliveries());
bindCases();
window.addEventListener('hashchange', route);
bindSearch();
bindInsights();
showSignedIn(Boolean(session.key()));
route();
// A reload keeps the tab's key: ask again who it is, so the header never shows a stale name.
if (session.key()) {
  api('/v1/me').then(showWho, () => undefined);
}
