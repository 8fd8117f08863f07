// The run's trace as a timeline: one entry per recorded step, in order.
import { badge, h, ms, pct, rawJson, time } from './dom.js';

/** Ids a tool answered with (blocks, usually); anything else as short JSON so nothing is hidden. */
function resultIds(result) {
  const list = Array.isArray(result) ? result : Object.values(result ?? {}).find(Array.isArray);
  if (list?.every((r) => r && typeof r === 'object' && 'id' in r)) return list.map((r) => String(r.id));
  const text = JSON.stringify(result) ?? 'nothing';
  return [text.length > 120 ? `${text.slice(0, 117)}…` : text];
}

function toolCall(call) {
  const ids = resultIds(call.result);
  return h(
    'li',
    {},
    h('span', { class: 'mono' }, call.name),
    ` → ${ids.length ? ids.join(', ') : 'no results'} `,
    h('span', { class: 'muted' }, `(${ms(call.ms)})`),
    rawJson('Arguments', call.args),
  );
}

function modelCall(call) {
  return h(
    'li',
    {},
    h('span', { class: 'mono' }, call.model ?? 'model'),
    ` · ${call.promptTokens ?? '?'} prompt + ${call.completionTokens ?? '?'} completion tokens · ${ms(call.ms)} `,
    call.ok === false ? badge(`failed: ${call.error ?? 'error'}`, 'bad') : badge('ok', 'ok'),
  );
}

/** What a reader most needs from particular steps, pulled out of the raw output. */
function highlights(step) {
  const out = step.output ?? {};
  if (step.node === 'check_compliance') {
    const failing = Array.isArray(out.failing) ? out.failing : [];
    return h(
      'p',
      {},
      'Verdict: ',
      badge(out.verdict ?? '—', out.verdict === 'pass' ? 'ok' : 'bad'),
      failing.length
        ? ` failing: ${failing.map((f) => (typeof f === 'string' ? f : (f.rule ?? JSON.stringify(f)))).join(', ')}`
        : '',
    );
  }
  if (step.node === 'human_review' && out.decision) {
    return h(
      'p',
      {},
      `Decision: ${out.decision} by ${out.by ?? '?'} `,
      time(out.at),
      out.note ? [' · note: ', h('q', { class: 'note' }, out.note)] : '',
    );
  }
  if (out.diagnosis?.barrier)
    return h('p', {}, `Diagnosed ${out.diagnosis.barrier} at ${pct(out.diagnosis.confidence)} confidence`);
  return null;
}

function step(s) {
  const tools = s.toolCalls ?? [];
  const models = s.modelCalls ?? [];
  return h(
    'li',
    { class: 'card', 'data-node': s.node ?? s.kind },
    h(
      'div',
      { class: 'step-head' },
      h('strong', {}, `${s.step + 1}. ${s.node ?? s.kind}`),
      s.agent ? h('span', { class: 'muted' }, `agent: ${s.agent}`) : null,
      s.engine ? badge(`engine: ${s.engine}`) : null,
      s.fallback ? badge(`fallback: ${s.fallback}`, 'warn') : null,
      h('span', { class: 'muted' }, ms(s.durationMs)),
      s.startedAt ? time(s.startedAt) : null,
    ),
    highlights(s),
    tools.length ? [h('h4', {}, 'Tool calls'), h('ul', { class: 'plain' }, tools.map(toolCall))] : null,
    models.length ? [h('h4', {}, 'Model calls'), h('ul', { class: 'plain' }, models.map(modelCall))] : null,
    s.input ? rawJson('Input (redacted)', s.input) : null,
    s.output ? rawJson('Output', s.output) : null,
    s.personal != null ? rawJson('Free text read (redacted)', s.personal) : null,
  );
}

export function timeline(steps) {
  return h('ol', { class: 'timeline', 'aria-label': 'Steps of the run' }, steps.map(step));
}
