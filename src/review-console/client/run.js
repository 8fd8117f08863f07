// View 2 and 3: one run's timeline, and the approve/reject form while its review is pending.
import { api, enc, explain } from './api.js';
import { $, badge, download, fill, flash, h, say, statusBadge, time } from './dom.js';
import { graphCard } from './graph.js';
import { learningCard } from './learning-card.js';
import { chainBadge, checksCard, failingRules, messageCard, strategyCard, whyHeld } from './run-parts.js';
import { timeline } from './timeline.js';

/** Approving a run that fails a rule (or has no message) cannot send it: the reviewer confirms that first. */
function cannotSend(answer) {
  return !answer.message || (answer.compliance?.checks ?? []).some((c) => !c.passed && c.rule !== 'review');
}

function decisionForm(review, answer) {
  const note = h('textarea', { id: 'decision-note', name: 'note', maxlength: '2000' });
  const error = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const buttons = [];
  const confirmBox = h(
    'div',
    {
      class: 'alert error',
      id: 'confirm-approve',
      role: 'alertdialog',
      'aria-labelledby': 'confirm-text',
      hidden: true,
    },
    h(
      'p',
      { id: 'confirm-text' },
      'This run cannot be sent: approving it records your approval and blocks the run. Approve anyway?',
    ),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'approve', onclick: () => decide('approve') }, 'Approve anyway'),
      h(
        'button',
        {
          type: 'button',
          onclick: () => {
            confirmBox.hidden = true;
            for (const b of buttons) b.disabled = false;
          },
        },
        'Cancel',
      ),
    ),
  );
  const decide = async (decision) => {
    for (const b of buttons) b.disabled = true;
    confirmBox.hidden = true;
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
  const approve = () => {
    if (!cannotSend(answer)) return decide('approve');
    for (const b of buttons) b.disabled = true;
    confirmBox.hidden = false;
    confirmBox.querySelector('button')?.focus();
  };
  buttons.push(
    h('button', { type: 'button', class: 'approve', onclick: approve }, 'Approve'),
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
    confirmBox,
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

/** The trace as a JSON file (with its chain verification), as GET /v1/traces/{id}/export answers it. */
async function exportTrace(traceId) {
  try {
    download(`${traceId}.json`, await api(`/v1/traces/${enc(traceId)}/export`));
    flash(`Exported ${traceId}.json`);
  } catch (err) {
    say($('run-error'), explain(err));
  }
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
    const pending = review?.status === 'pending';
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
        ' ',
        h('button', { type: 'button', id: 'export-trace', onclick: () => exportTrace(traceId) }, 'Export JSON'),
      ),
      held ? whyHeld(held.reason, answer, trace.steps) : null,
      // Read the message before the buttons: the decision is about what would be sent.
      messageCard(answer.message, trace.blocks),
      pending ? failingRules(answer) : null,
      pending ? decisionForm(review, answer) : review ? decisionRecord(review) : null,
      checksCard(answer.compliance),
      strategyCard(answer.strategy),
      learningCard(trace.steps),
      await graphCard(trace.steps, answer.status),
      h('h3', {}, 'Timeline ', badge(`${trace.steps.length} steps`)),
      timeline(trace.steps),
    );
  } catch (err) {
    fill(body);
    say($('run-error'), explain(err));
  }
}
