import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../app-env.js';

/** Where a newcomer can go from the root, as links (HTML) or as a JSON index for tools. */
const LINKS = [
  { rel: 'docs', href: '/docs', title: 'API documentation (generated from the schemas)' },
  { rel: 'openapi', href: '/openapi.json', title: 'OpenAPI 3.1 document' },
  { rel: 'console', href: '/review', title: 'Reviewer console: held runs, traces, decisions' },
  { rel: 'health', href: '/healthz', title: 'Health: 200 once the store is ready' },
  { rel: 'metrics', href: '/metrics', title: 'Prometheus metrics' },
] as const;

const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>nof1</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}
li{margin:.4rem 0}code{font:14px ui-monospace,monospace}</style></head><body>
<h1>nof1</h1>
<p>N-of-1 health-engagement messages composed only from MLR-approved content.
Every <code>/v1</code> call takes <code>Authorization: Bearer &lt;key&gt;</code>.</p>
<ul>${LINKS.map((l) => html`<li><a href="${l.href}">${l.href}</a> — ${l.title}</li>`)}</ul>
</body></html>`;

/** GET /: a page of links (or `{links}` for a client asking for JSON), never a bare 404. */
export function homeRoutes() {
  return new Hono<AppEnv>().get('/', (c) => {
    const accept = c.req.header('accept') ?? '';
    if (accept.includes('application/json') && !accept.includes('text/html')) return c.json({ links: LINKS });
    return c.html(page);
  });
}
