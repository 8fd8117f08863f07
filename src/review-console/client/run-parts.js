// The panels of the run view that explain the run: why it was held, what it would send, what was checked.
import { badge, h, pct } from './dom.js';
import { describeReason, signalIndexes } from './reasons.js';

const failed = (checks) => (checks ?? []).filter((c) => !c.passed);

/** Fields that hold the programme's words or a structured value, skipped as safety triage skips them. */
const NOT_WORDS = new Set(['question', 'topic', 'status', 'channel', 'messageId', 'url']);

/**
 * The free text a signal's data carries, under any field and however nested (triage reads it all), as the
 * trace kept it: redacted.
 * @param {unknown} value
 * @returns {string[]}
 */
function wordsOf(value) {
  if (typeof value === 'string') return /\p{L}/u.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(wordsOf);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (NOT_WORDS.has(k) ? [] : wordsOf(v)));
  }
  return [];
}

/**
 * The subject's own words the hold is about: the signals the reason names, or (for a diagnosis too
 * uncertain to act on) everything they wrote. Personal details were redacted before the trace was written.
 */
function subjectWords(why, steps) {
  if (!(why.safety || why.code === 'low_confidence')) return null;
  const read = (steps ?? []).find((s) => s.personal?.signalData)?.personal.signalData ?? [];
  const indexes = signalIndexes(why.raw);
  const picked = indexes.length ? indexes.map((i) => [i, read[i]]) : read.map((d, i) => [i, d]);
  const quotes = picked.flatMap(([i, d]) => wordsOf(d).map((w) => ({ signal: i + 1, words: w })));
  if (quotes.length === 0) return null;
  return h(
    'div',
    { id: 'subject-words' },
    h('h4', {}, 'What the subject wrote (personal details redacted)'),
    quotes.map((q) => h('blockquote', {}, h('span', { class: 'muted' }, `Signal ${q.signal}: `), h('q', {}, q.words))),
  );
}

/** First thing on the page: the hold reason in plain words, the subject's words it concerns, the diagnosis. */
export function whyHeld(reason, answer, steps) {
  const why = describeReason(reason);
  const d = answer.diagnosis ?? {};
  return h(
    'section',
    { class: why.safety ? 'card why safety' : 'card why', 'aria-labelledby': 'why-title' },
    h('h3', { id: 'why-title' }, 'Why this run was held'),
    h('p', { class: 'reason' }, `${why.title}: ${why.plain}`),
    why.detail ? h('p', {}, why.detail) : null,
    why.todo ? h('p', { id: 'reviewer-todo', class: 'todo' }, h('strong', {}, 'What you must do: '), why.todo) : null,
    subjectWords(why, steps),
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
    h('p', { class: 'muted' }, 'Raw reason: ', h('span', { class: 'mono' }, why.raw)),
  );
}

/**
 * The rules this run fails, placed just above the decision: a reviewer may approve only what the rules
 * allow, so an approval of a failing run blocks it instead of sending it.
 */
export function failingRules(answer) {
  const failing = failed(answer.compliance?.checks).filter((c) => c.rule !== 'review');
  if (!answer.message)
    return h(
      'section',
      { class: 'card failing', id: 'failing-rules' },
      h('h3', {}, 'Nothing can be sent'),
      h('p', {}, 'This run has no message to send. Approving it records your decision; it sends nothing.'),
    );
  if (failing.length === 0)
    return h(
      'section',
      { class: 'card', id: 'failing-rules' },
      h('p', {}, badge('all rules pass', 'ok'), ' Approving sends this message.'),
    );
  return h(
    'section',
    { class: 'card failing', id: 'failing-rules', 'aria-labelledby': 'failing-title' },
    h(
      'h3',
      { id: 'failing-title' },
      badge(`${failing.length} failing rule${failing.length > 1 ? 's' : ''}`, 'bad'),
      ' This message cannot be sent',
    ),
    h(
      'ul',
      { class: 'plain' },
      failing.map((c) => h('li', {}, h('strong', {}, c.rule), `: ${c.detail}`)),
    ),
    h('p', {}, 'Approving it will block the run, not send it. Reject it, or fix the cause and compose again.'),
  );
}

/** The proposed message, and every block it is built from: id, approval code and the block's own text. */
export function messageCard(message, blocks) {
  if (!message)
    return h('section', { class: 'card' }, h('h3', {}, 'Proposed message'), h('p', { class: 'muted' }, 'No message.'));
  const texts = new Map((blocks ?? []).map((b) => [b.id, b]));
  return h(
    'section',
    { class: 'card', 'aria-labelledby': 'message-title' },
    h('h3', { id: 'message-title' }, `Proposed message (${message.channel})`),
    message.subject ? h('p', {}, h('strong', {}, 'Subject: '), message.subject) : null,
    h('div', { class: 'body' }, message.body),
    h(
      'div',
      { class: 'scroll' },
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
            ['Block id', 'Version', 'Approval code', 'Text'].map((t) => h('th', { scope: 'col' }, t)),
          ),
        ),
        h(
          'tbody',
          {},
          (message.blocks ?? []).map((b) =>
            h(
              'tr',
              {},
              h('td', { class: 'mono', 'data-label': 'Block id' }, b.id),
              h('td', { 'data-label': 'Version' }, b.version ?? '—'),
              h('td', { class: 'mono', 'data-label': 'Approval code' }, b.approvalCode),
              h('td', { class: 'block-text', 'data-label': 'Text' }, texts.get(b.id)?.text ?? '(not in the library)'),
            ),
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
            h('td', { 'data-label': 'Rule' }, c.rule),
            h('td', { 'data-label': 'Result' }, c.passed ? '✓ passed' : '✗ failed'),
            h('td', { 'data-label': 'Detail' }, c.detail),
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
