// The panels of the run view that explain the run: why it was held, what it would send, what was checked.
import { badge, h, pct } from './dom.js';
import { describeReason } from './reasons.js';

const failed = (checks) => (checks ?? []).filter((c) => !c.passed);

/** First thing on the page: the hold reason in plain words, the diagnosis behind it, failing checks. */
export function whyHeld(reason, answer) {
  const why = describeReason(reason);
  const d = answer.diagnosis ?? {};
  const failing = failed(answer.compliance?.checks);
  return h(
    'section',
    { class: 'card why', 'aria-labelledby': 'why-title' },
    h('h3', { id: 'why-title' }, 'Why this run was held'),
    h('p', { class: 'reason' }, `${why.title}: ${why.plain}`),
    why.detail ? h('p', { class: 'mono' }, why.detail) : null,
    h('p', {}, 'Diagnosed barrier ', h('strong', {}, d.barrier ?? '—'), ` at ${pct(d.confidence)} confidence`),
    d.evidence?.length
      ? h(
          'ul',
          { class: 'plain' },
          d.evidence.map((e) => h('li', {}, e)),
        )
      : null,
    d.alternatives?.length
      ? h(
          'p',
          { class: 'muted' },
          `Alternatives: ${d.alternatives.map((a) => `${a.barrier} ${pct(a.confidence)}`).join(', ')}`,
        )
      : null,
    failing.length
      ? h(
          'p',
          {},
          badge(`${failing.length} failing check${failing.length > 1 ? 's' : ''}`, 'bad'),
          ` ${failing.map((c) => c.rule).join(', ')}`,
        )
      : h('p', { class: 'muted' }, 'All compliance checks passed.'),
  );
}

/** The proposed message, and every block it is built from with its MLR approval code. */
export function messageCard(message) {
  if (!message)
    return h('section', { class: 'card' }, h('h3', {}, 'Proposed message'), h('p', { class: 'muted' }, 'No message.'));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'message-title' },
    h('h3', { id: 'message-title' }, `Proposed message (${message.channel})`),
    message.subject ? h('p', {}, h('strong', {}, 'Subject: '), message.subject) : null,
    h('div', { class: 'body' }, message.body),
    h(
      'table',
      { id: 'message-blocks' },
      h('caption', { class: 'muted' }, 'Approved blocks, in order'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Block id', 'Version', 'Approval code'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        (message.blocks ?? []).map((b) =>
          h(
            'tr',
            {},
            h('td', { class: 'mono' }, b.id),
            h('td', {}, b.version ?? '—'),
            h('td', { class: 'mono' }, b.approvalCode),
          ),
        ),
      ),
    ),
  );
}

export function strategyCard(strategy) {
  if (!strategy) return null;
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, 'Strategy'),
    h(
      'ul',
      { class: 'plain' },
      (strategy.techniques ?? []).map((t) => h('li', {}, `${t.code} ${t.name}`)),
    ),
    h('p', { class: 'muted' }, strategy.rationale ?? ''),
  );
}

/** Every check; failing ones first, highlighted and marked in words as well as colour. */
export function checksCard(compliance) {
  const checks = [...(compliance?.checks ?? [])].sort((a, b) => Number(a.passed) - Number(b.passed));
  return h(
    'section',
    { class: 'card' },
    h('h3', {}, 'Compliance checks ', badge(compliance?.verdict ?? '—', compliance?.verdict === 'pass' ? 'ok' : 'bad')),
    h(
      'table',
      { id: 'checks' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Rule', 'Result', 'Detail'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h(
        'tbody',
        {},
        checks.map((c) =>
          h(
            'tr',
            { class: c.passed ? null : 'failed' },
            h('td', {}, c.rule),
            h('td', {}, c.passed ? '✓ passed' : '✗ failed'),
            h('td', {}, c.detail),
          ),
        ),
      ),
    ),
  );
}

/** The hash chain check: a reviewer should not trust a trace whose records were edited. */
export function chainBadge(v) {
  if (!v) return badge('chain not verified', 'warn');
  if (v.intact) return badge(`chain intact · ${v.records} records`, 'ok');
  const where = v.problems.map((p) => `step ${p.step}: ${p.problem}`).join('; ');
  return h('span', {}, badge('chain broken', 'bad'), ` ${where}`);
}
