// The run view's panel for a learned choice: what the learner chose and why, in plain words, from the
// plan_strategy step of the trace (posteriors, the draw, whether it explored; never personal data).
import { badge, h, pct } from './dom.js';

const CHANNEL_WORDS = { sms: 'SMS', email: 'email', push: 'push notification', web: 'the web' };

const option = (a) =>
  a.technique === 'skip' ? 'sending nothing' : `${a.technique} ${a.name} on ${CHANNEL_WORDS[a.channel] ?? a.channel}`;
const times = (n) => (n === 1 ? 'once' : `${n} times`);

/** What this person's and the programme's outcomes say about an option. */
function evidence(c) {
  const person = c.own.tried
    ? `it has worked for this person ${c.own.achieved} of ${times(c.own.tried)}`
    : 'it has not been tried with this person yet';
  const others = c.others.tried
    ? `for others in the programme ${c.others.achieved} of ${times(c.others.tried)}`
    : 'nobody else in the programme has had it yet';
  return `${person}; ${others}`;
}

const same = (a, b) => a.technique === b.technique && a.channel === b.channel;

/** One sentence: the choice, the evidence behind it, and whether the learner exploited or explored. */
function learnedSentence(learning) {
  // The trial is not a draw between options: its own rationale says why nothing was sent.
  if (learning.skipTrial) return learning.rationale;
  const chosen = learning.candidates.find((c) => same(c, learning.policy));
  const what = learning.policy.technique === 'skip' ? 'Chose to send nothing' : `Chose ${option(learning.policy)}`;
  if (learning.coldStart)
    return `${what}, as the design table does: no outcomes are recorded yet for any allowed option.`;
  const how = learning.explored
    ? 'exploring a less-tried option to learn what works for this person'
    : `it has the best estimated chance of the target behaviour (${pct(chosen.mean)}, 95% credible interval ${pct(chosen.interval[0])}–${pct(chosen.interval[1])})`;
  return `${what}: ${evidence(chosen)}; ${how}.`;
}

function candidatesTable(learning) {
  const rows = [...learning.candidates].sort((a, b) => b.mean - a.mean);
  return h(
    'table',
    { id: 'learning-candidates' },
    h('caption', { class: 'muted' }, 'Every option the rules allowed, best estimate first.'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Option', 'This person', 'Programme', 'Estimate', '95% interval', 'Draw'].map((t) =>
          h('th', { scope: 'col' }, t),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((c) =>
        h(
          'tr',
          same(c, learning.policy) ? { class: 'chosen' } : {},
          h('td', {}, option(c), same(c, learning.policy) ? ' (chosen)' : ''),
          h('td', {}, `${c.own.achieved} of ${c.own.tried}`),
          h('td', {}, `${c.others.achieved} of ${c.others.tried}`),
          h('td', {}, pct(c.mean)),
          h('td', {}, `${pct(c.interval[0])}–${pct(c.interval[1])}`),
          h('td', {}, c.sample === null ? '—' : pct(c.sample)),
        ),
      ),
    ),
  );
}

/** Where the library offers several approved blocks for the chosen option: which one, and why, in words. */
function blockSentence(block) {
  const chosen = block.candidates.find((c) => c.block === block.chosen);
  const best = block.candidates.reduce((top, c) => (c.mean > top.mean ? c : top), chosen);
  const seen = chosen.own.tried || chosen.others.tried;
  const followed = seen
    ? `the target behaviour followed it ${chosen.own.achieved} of ${times(chosen.own.tried)} for this person and ${chosen.others.achieved} of ${times(chosen.others.tried)} for others`
    : 'it has no outcomes yet, so it starts at its technique’s estimate';
  const how = block.explored
    ? `exploring it although ${best.block} has the best estimate so far (${pct(best.mean)})`
    : `it has the best estimated chance among them (${pct(chosen.mean)}, 95% credible interval ${pct(chosen.interval[0])}–${pct(chosen.interval[1])})`;
  return `Of ${block.candidates.length} approved blocks for this option, chose ${block.chosen}: ${followed}; ${how}.`;
}

/** Where the channel was chosen first from opens: which, and the opens behind each channel, in words. */
function channelSentence(channel) {
  const parts = channel.candidates.map((c) => {
    const name = CHANNEL_WORDS[c.channel] ?? c.channel;
    if (c.assumed) return `${name}: reads are never seen, counted at ${pct(c.read)}`;
    const person = c.own.sent ? `this person opened ${c.own.opened} of ${c.own.sent}` : 'none sent to this person yet';
    const others = c.others.sent ? `others ${c.others.opened} of ${c.others.sent}` : 'none sent to others yet';
    return `${name}: ${person}, ${others}`;
  });
  const chosen = CHANNEL_WORDS[channel.chosen] ?? channel.chosen;
  return `The channel was chosen from how often messages are opened: ${chosen} drew the best chance of being read (${parts.join('; ')}).`;
}

/** The learned-choice card, or nothing when the programme's learning was off for this run. */
export function learningCard(steps) {
  const learning = (steps ?? []).find((s) => s.node === 'plan_strategy')?.output?.learning;
  if (!learning) return null;
  const shadow = learning.mode === 'shadow';
  const tone = learning.coldStart ? 'cold start' : learning.explored ? 'explored' : 'exploited';
  return h(
    'section',
    { class: 'card', id: 'learning', 'aria-labelledby': 'learning-title' },
    h('h3', { id: 'learning-title' }, shadow ? 'Learner (shadow) ' : 'Learned choice ', badge(tone)),
    shadow
      ? h(
          'p',
          { id: 'learning-shadow' },
          `Shadow mode: the design table's choice (${option(learning.used)}) was used. ${
            learning.agree ? 'The learner agreed.' : 'The learner would have chosen differently:'
          }`,
        )
      : null,
    h('p', { id: 'learning-sentence' }, learnedSentence(learning)),
    learning.channel ? h('p', { id: 'learning-channel' }, channelSentence(learning.channel)) : null,
    learning.block ? h('p', { id: 'learning-block' }, blockSentence(learning.block)) : null,
    learning.skipUnobserved
      ? h(
          'p',
          { id: 'learning-skip', class: 'muted' },
          'Sending nothing was not weighed in this draw: too few outcomes of skipped runs are recorded yet.',
        )
      : null,
    candidatesTable(learning),
  );
}
