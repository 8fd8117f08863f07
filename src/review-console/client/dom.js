// DOM helpers. API data only ever becomes text nodes or attribute values set through the DOM, never
// parsed as markup: the console has no HTML sink at all (a test in test/review-console checks that).

/** h('td', {class: 'x'}, 'text', childNode) — strings become text nodes; null/false children are skipped. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (id) => document.getElementById(id);

/** Shows text in an alert element, or hides it when text is empty. */
export function say(el, text) {
  el.textContent = text ?? '';
  el.hidden = !text;
}

/** Times in the reviewer's own locale, with the ISO value kept for precision on hover. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  const d = new Date(iso);
  return h('time', { datetime: iso, title: iso }, d.toLocaleString());
}

export const ms = (n) => (typeof n === 'number' ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : '—');
export const pct = (n) => (typeof n === 'number' ? `${Math.round(n * 100)}%` : '—');

export function badge(text, tone) {
  return h('span', { class: tone ? `badge ${tone}` : 'badge' }, text);
}

const STATUS_TONE = { approved: 'ok', blocked: 'bad', needs_review: 'warn', pending: 'warn', rejected: 'bad' };
export const statusBadge = (s) => badge(s ?? 'unknown', STATUS_TONE[s]);

/** Raw JSON behind a disclosure: complete for auditors, out of the way for everyone else. */
export function rawJson(summary, value) {
  return h('details', {}, h('summary', {}, summary), h('pre', { class: 'mono' }, JSON.stringify(value, null, 2)));
}

/** The page-level live region: what just happened, e.g. a decision recorded. */
export function flash(text) {
  say($('status'), text);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like h(), for SVG elements (which must be created in the SVG namespace). */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.setAttribute('class', String(value));
    else el.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Offers data as a file download (the browser's own "save"); nothing leaves the browser. */
export function download(filename, data) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: filename, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
