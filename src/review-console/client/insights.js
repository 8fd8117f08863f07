// View: a programme's insights (strategist key): best action per barrier and channel, every option's
// posterior chance of the target behaviour, what was sent and what followed, and content that never wins.
import { api, enc, explain } from './api.js';
import { $, fill, h, pct, say } from './dom.js';

const CHANNEL_WORDS = { sms: 'SMS', email: 'email', push: 'push', web: 'web' };

function table(id, caption, head, rows) {
  return h(
    'table',
    { id },
    h('caption', { class: 'muted' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((cells) =>
        h(
          'tr',
          {},
          cells.map((c) => h('td', {}, c)),
        ),
      ),
    ),
  );
}

const tally = (t) => [String(t.sent), String(t.achieved), String(t.notAchieved), String(t.pending), pct(t.rate)];
const TALLY_HEAD = ['Sent', 'Achieved', 'Not achieved', 'Pending', 'Rate'];

/** The best action per barrier and channel, in a sentence each. */
function bestList(best) {
  if (best.length === 0) return h('p', { class: 'muted' }, 'No outcomes yet: nothing to recommend.');
  return h(
    'ul',
    { id: 'insights-best', class: 'plain' },
    best.map((b) =>
      h(
        'li',
        {},
        `${b.barrier} on ${CHANNEL_WORDS[b.channel] ?? b.channel}: ${b.technique} has the best estimate (${pct(b.pAchieve)}; ${pct(b.pBest)} chance it is the best).`,
      ),
    ),
  );
}

function draw(insights) {
  const d = insights.descriptive;
  return [
    h('h3', {}, 'Best action now'),
    bestList(insights.best),
    h('h3', {}, 'Chance each option achieves the target behaviour'),
    table(
      'insights-options',
      'Posterior mean and 95% credible interval from known subjects’ outcomes.',
      ['Barrier', 'Technique', 'Channel', 'Sent', 'Estimate', '95% interval', 'Chance best'],
      insights.options.map((o) => [
        o.barrier,
        o.technique,
        CHANNEL_WORDS[o.channel] ?? o.channel,
        String(o.sent),
        pct(o.pAchieve),
        `${pct(o.interval[0])}–${pct(o.interval[1])}`,
        pct(o.pBest),
      ]),
    ),
    h('h3', {}, 'Content that never wins'),
    insights.neverWins.length
      ? h(
          'ul',
          { id: 'insights-never', class: 'plain' },
          insights.neverWins.map((b) =>
            h(
              'li',
              {},
              `${b.block}: achieved ${b.achieved} of ${b.achieved + b.notAchieved}; at most ${pct(b.bestChance)} chance of being best.`,
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No block has lost clearly enough yet.'),
    h('h3', {}, 'What was sent and what followed'),
    table('insights-totals', 'All sent messages.', TALLY_HEAD, [tally(d.totals)]),
    table(
      'insights-barriers',
      'By barrier.',
      ['Barrier', ...TALLY_HEAD],
      d.byBarrier.map((t) => [t.barrier, ...tally(t)]),
    ),
    table(
      'insights-techniques',
      'By leading technique.',
      ['Technique', ...TALLY_HEAD],
      d.byTechnique.map((t) => [t.technique, ...tally(t)]),
    ),
    table(
      'insights-channels',
      'By channel.',
      ['Channel', ...TALLY_HEAD],
      d.byChannel.map((t) => [t.channel, ...tally(t)]),
    ),
    table(
      'insights-blocks',
      'By block.',
      ['Block', ...TALLY_HEAD],
      d.byBlock.map((t) => [t.block, ...tally(t)]),
    ),
  ];
}

async function show(program) {
  say($('insights-error'), '');
  fill($('insights-body'), h('p', { class: 'muted' }, 'Loading…'));
  try {
    fill($('insights-body'), ...draw(await api(`/v1/programs/${enc(program)}/insights`)));
  } catch (err) {
    fill($('insights-body'));
    const status = /** @type {{ status?: number }} */ (err)?.status;
    say($('insights-error'), status === 403 ? 'Insights need a strategist key.' : explain(err));
  }
}

let programsLoaded = false;

/** Fills the programme list once and shows the first programme's insights. */
export async function loadInsights() {
  const select = /** @type {HTMLSelectElement} */ ($('insights-program'));
  if (!programsLoaded) {
    try {
      const { programs } = await api('/v1/programs');
      select.append(...programs.map((p) => h('option', { value: p }, p)));
      programsLoaded = true;
    } catch (err) {
      say($('insights-error'), explain(err));
      return;
    }
  }
  if (select.value) await show(select.value);
}

export function bindInsights() {
  $('insights-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const program = /** @type {HTMLSelectElement} */ ($('insights-program')).value;
    if (program) void show(program);
  });
}
