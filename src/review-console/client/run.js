// View 2 and 3: one run's timeline, and the approve/reject form while its review is pending.
import { api, enc, explain } from './api.js';
import { $, badge, fill, flash, h, say, statusBadge, time } from './dom.js';
import { chainBadge, checksCard, messageCard, strategyCard, whyHeld } from './run-parts.js';
import { timeline } from './timeline.js';

function decisionForm(review) {
  const note = h('textarea', { id: 'decision-note', name: 'note', maxlength: '2000' });
  const error = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const buttons = [];
  const decide = async (decision) => {
    for (const b of buttons) b.disabled = true;
    say(error, '');
    try {
      const body = { decision, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      const { review: decided, answer } = await api(`/v1/reviews/${enc(review.id)}/decision`, { method: 'POST', body });
      flash(`${decision === 'approve' ? 'Approved' : 'Rejected'} ${decided.id}: the run is now ${answer.status}.`);
      location.hash = '#/queue';
    } catch (err) {
      say(error, explain(err));
      for (const b of buttons) b.disabled = false;
    }
  };
  buttons.push(
    h('button', { type: 'button', class: 'approve', onclick: () => decide('approve') }, 'Approve'),
    h('button', { type: 'button', class: 'reject', onclick: () => decide('reject') }, 'Reject'),
  );
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'decide-title' },
    h('h3', { id: 'decide-title' }, 'Decision'),
    h('label', { for: 'decision-note' }, 'Note (optional)'),
    note,
    error,
    h('div', { class: 'actions' }, buttons),
  );
}

function decisionRecord(review) {
  return h(
    'section',
    { class: 'card', id: 'decision-record' },
    h('h3', {}, 'Decision'),
    h('p', {}, statusBadge(review.status), ` by ${review.decidedBy ?? '—'} `, time(review.decidedAt)),
    review.note
      ? h('p', {}, 'Note: ', h('span', { class: 'note' }, review.note))
      : h('p', { class: 'muted' }, 'No note.'),
  );
}

/** Loads the trace, its chain verification and (for a held run) its review, then draws the run. */
export async function loadRun(traceId) {
  const body = $('run-body');
  say($('run-error'), '');
  fill(body, h('p', { class: 'muted' }, 'Loading…'));
  try {
    const [trace, verify] = await Promise.all([
      api(`/v1/traces/${enc(traceId)}`),
      api(`/v1/traces/${enc(traceId)}/verify`).catch(() => null),
    ]);
    const answer = trace.answer;
    const held = answer.review ?? null;
    const review = held ? await api(`/v1/reviews/${enc(held.id)}`) : null;
    fill($('run-title'), `Run ${trace.runId} `, statusBadge(answer.status));
    fill(
      body,
      h(
        'p',
        { class: 'muted' },
        `${trace.program} · ${answer.message?.channel ?? 'no channel'} · `,
        h('span', { id: 'run-locale', title: 'the language the subject reads' }, badge(answer.locale ?? 'en-US')),
        ' · created ',
        time(trace.createdAt),
        ' · ',
        h('span', { class: 'mono' }, traceId),
        ' · ',
        h('span', { id: 'chain' }, chainBadge(verify)),
      ),
      held ? whyHeld(held.reason, answer) : null,
      // Read the message before the buttons: the decision is about what would be sent.
      messageCard(answer.message),
      review?.status === 'pending' ? decisionForm(review) : review ? decisionRecord(review) : null,
      checksCard(answer.compliance),
      strategyCard(answer.strategy),
      h('h3', {}, 'Timeline ', badge(`${trace.steps.length} steps`)),
      timeline(trace.steps),
    );
  } catch (err) {
    fill(body);
    say($('run-error'), explain(err));
  }
}
