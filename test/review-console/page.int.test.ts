import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.close();
});

const get = (path: string) => fetch(`${svc.url}${path}`);

/** Every module the console loads, following static imports from app.js. */
async function clientModules(): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = ['app.js'];
  for (let file = queue.shift(); file; file = queue.shift()) {
    if (seen.has(file)) continue;
    const res = await get(`/review/${file}`);
    expect(res.status, file).toBe(200);
    expect(res.headers.get('content-type'), file).toBe('text/javascript; charset=utf-8');
    const source = await res.text();
    seen.set(file, source);
    for (const m of source.matchAll(/from '\.\/([a-z-]+\.js)'/g)) queue.push(m[1]!);
  }
  return seen;
}

describe('/review served by the service', () => {
  it('answers the console page without a key, with no data in it and a strict CSP', async () => {
    const res = await get('/review');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const page = await res.text();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<label for="key">Reviewer key</label>');
    expect(page).toContain('<script type="module" src="/review/app.js"></script>');
    // The shell is the same for everyone: no review, trace or run id is rendered on the server.
    expect(page).not.toMatch(/rev_|trc_|msg_/);
    // Search choices come from the API's own enums.
    expect(page).toContain('<option value="needs_review">needs_review</option>');
    expect(page).toContain('<option value="health_literacy">health_literacy</option>');
  });

  it('serves the client modules as JavaScript and nothing else from the folder', async () => {
    const modules = await clientModules();
    expect([...modules.keys()]).toEqual(expect.arrayContaining(['app.js', 'api.js', 'dom.js', 'run.js', 'search.js']));
    for (const path of ['/review/missing.js', '/review/routes.tsx', '/review/..%2Fapp.ts', '/review/App.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('renders API data only as text: no HTML sink in any client module', async () => {
    // A note like `<script>…</script>` must reach the page as text; the browser tests show it does,
    // and this keeps anyone from adding a markup sink that would turn such data into HTML.
    for (const [file, source] of await clientModules()) {
      expect(source, file).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
    }
  });

  it('leaves /v1 behind its key', async () => {
    expect((await get('/v1/reviews?status=pending')).status).toBe(401);
  });
});
