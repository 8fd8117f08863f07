// The run drawn on the compose graph the service compiled (GET /v1/graph): nodes it passed, edges it took,
// and where it stopped. Laid out in columns by distance from the start; nothing is fetched but the graph.
import { api } from './api.js';
import { h, svg } from './dom.js';

let shape = null;
const loadShape = async () => {
  shape ??= api('/v1/graph').catch((err) => {
    shape = null;
    throw err;
  });
  return shape;
};

/** Column of each node: its longest distance from __start__ along edges that do not loop back. */
function columns(nodes, edges) {
  const col = new Map([['__start__', 0]]);
  const order = [...nodes];
  for (let pass = 0; pass < nodes.length; pass++) {
    for (const e of edges) {
      const from = col.get(e.source);
      if (from === undefined) continue;
      // An edge to an earlier node in the compiled order is a loop (revise): it does not push a column on.
      if (order.indexOf(e.target) <= order.indexOf(e.source)) continue;
      if ((col.get(e.target) ?? -1) < from + 1) col.set(e.target, from + 1);
    }
  }
  return col;
}

/** The nodes a run passed, in order, from its trace; and the node it waits at when a person must decide. */
function runPath(steps, status) {
  const passed = ['__start__', ...steps.map((s) => s.node).filter(Boolean)];
  const waiting = status === 'needs_review' ? 'human_review' : null;
  if (waiting && passed.at(-1) !== 'hold_for_review') passed.push('hold_for_review');
  if (!waiting) passed.push('__end__');
  return { passed, waiting };
}

const W = 132;
const H = 34;
const GAP_X = 44;
const GAP_Y = 18;

function draw({ nodes, edges }, path) {
  const col = columns(nodes, edges);
  const rows = new Map();
  const pos = new Map();
  for (const n of nodes) {
    const c = col.get(n) ?? 0;
    const r = rows.get(c) ?? 0;
    rows.set(c, r + 1);
    pos.set(n, { x: 8 + c * (W + GAP_X), y: 8 + r * (H + GAP_Y) });
  }
  const taken = new Set(path.passed.slice(1).map((n, i) => `${path.passed[i]}→${n}`));
  if (path.waiting) taken.add(`hold_for_review→${path.waiting}`);
  const visited = new Set(path.passed);
  const width = Math.max(...[...pos.values()].map((p) => p.x)) + W + 8;
  const height = Math.max(...[...pos.values()].map((p) => p.y)) + H + 8;
  const edgeEls = edges.map((e) => {
    const a = pos.get(e.source);
    const b = pos.get(e.target);
    const back = b.x <= a.x;
    const [x1, y1] = [a.x + W, a.y + H / 2];
    const [x2, y2] = back ? [b.x + W / 2, b.y + H] : [b.x, b.y + H / 2];
    const mid = back
      ? `C ${x1 + 30} ${y1 + 40}, ${x2} ${y2 + 40}`
      : `C ${x1 + GAP_X / 2} ${y1}, ${x2 - GAP_X / 2} ${y2}`;
    const isTaken = taken.has(`${e.source}→${e.target}`);
    return svg(
      'path',
      {
        d: `M ${x1} ${y1} ${mid}, ${x2} ${y2}`,
        class: `edge${isTaken ? ' taken' : ''}${e.conditional ? ' conditional' : ''}`,
        'data-edge': `${e.source}→${e.target}`,
        'marker-end': 'url(#arrow)',
      },
      svg('title', {}, `${e.source} → ${e.target}${e.conditional ? ' (chosen by the run policy)' : ''}`),
    );
  });
  const nodeEls = nodes.map((n) => {
    const p = pos.get(n);
    const state = n === path.waiting ? 'waiting' : visited.has(n) ? 'passed' : 'idle';
    const label = n === '__start__' ? 'start' : n === '__end__' ? 'end' : n.replace(/_/g, ' ');
    return svg(
      'g',
      { class: `node ${state}`, 'data-graph-node': n, 'data-state': state },
      svg('rect', { x: p.x, y: p.y, width: W, height: H, rx: 6 }),
      svg('text', { x: p.x + W / 2, y: p.y + H / 2 + 4, 'text-anchor': 'middle' }, label),
      svg('title', {}, `${n}: ${state === 'waiting' ? 'stopped here, waiting for a person' : state}`),
    );
  });
  const defs = svg(
    'defs',
    {},
    svg(
      'marker',
      { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }),
    ),
  );
  return svg(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': 'graph-caption' },
    defs,
    edgeEls,
    nodeEls,
  );
}

/** The graph card: the drawing, and the same path in words for those who cannot see it. */
export async function graphCard(steps, status) {
  const path = runPath(steps, status);
  const stop = path.waiting
    ? `It stopped at ${path.waiting.replace(/_/g, ' ')}, waiting for a person.`
    : 'It ran to the end.';
  const words = `The run passed ${path.passed.filter((n) => !n.startsWith('__')).join(' → ')}. ${stop}`;
  const card = h(
    'section',
    { class: 'card', id: 'run-graph', 'aria-labelledby': 'graph-title' },
    h('h3', { id: 'graph-title' }, 'Path through the compose graph'),
    h('p', { id: 'graph-caption' }, words),
  );
  try {
    card.append(h('div', { class: 'scroll graph' }, draw(await loadShape(), path)));
  } catch {
    card.append(h('p', { class: 'muted' }, 'The graph could not be loaded.'));
  }
  return card;
}
