import { readdirSync, readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { trimTrailingSlash } from 'hono/trailing-slash';
import type { AppEnv } from '../app-env.js';
import { securityHeaders } from '../routes/security-headers.js';
import { DeliveriesView } from './deliveries-view.js';
import { InsightsView } from './insights-view.js';
import { Layout } from './layout.js';
import { SafetyCasesView } from './safety-cases-view.js';
import { SignIn } from './sign-in.js';
import { CONSOLE_CSS_HASH } from './styles.js';
import { Nav, QueueView, RunView, SearchView } from './views.js';

const CLIENT_DIR = new URL('./client/', import.meta.url);

/** The client modules, read once: a fixed set of files, so no request path ever reaches the file system. */
function loadClient(): Map<string, string> {
  const files = readdirSync(CLIENT_DIR).filter((f) => /^[a-z-]+\.js$/.test(f));
  return new Map(files.map((f) => [f, readFileSync(new URL(f, CLIENT_DIR), 'utf8')]));
}

/**
 * Scripts only from this origin, the one inline stylesheet by hash, calls only to this origin: even a
 * rendering bug that let API text become markup could not run it.
 */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src '${CONSOLE_CSS_HASH}'`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function Page() {
  return (
    <Layout>
      <SignIn />
      <div id="app" hidden>
        <Nav />
        <QueueView />
        <RunView />
        <SearchView />
        <DeliveriesView />
        <InsightsView />
        <SafetyCasesView />
      </div>
    </Layout>
  );
}

/** The reviewer console at /review: a server-rendered shell that calls the /v1 API with the reviewer's key. */
export function reviewConsoleRoutes() {
  const client = loadClient();
  const page = html`<!doctype html>${(<Page />) as unknown as string}`;
  const app = new Hono<AppEnv>();
  app.use(trimTrailingSlash()); // /review/ → /review, so a pasted link with a slash still works
  app.use(securityHeaders(CSP));
  app.get('/', (c) => c.html(page));
  // Where the sign-in form posts when scripts do not run: the body (which holds no key) is never read.
  app.post('/sign-in', (c) => c.redirect('/review', 303));
  app.get('/:file{[a-z-]+\\.js}', (c) => {
    const source = client.get(c.req.param('file'));
    if (source === undefined) return c.notFound();
    return c.body(source, 200, { 'content-type': 'text/javascript; charset=utf-8' });
  });
  return app;
}
