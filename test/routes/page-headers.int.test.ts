import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({ NOF1_DEMO: '0' });
});
afterAll(() => svc?.close());

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('security headers on the HTML pages', () => {
  it.each(['/docs', '/review'])(
    '%s sends a restrictive CSP, nosniff, no framing, no referrer, no caching',
    async (path) => {
      const res = await fetch(`${svc.url}${path}`);
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('script-src') ?? ["'none'"]).not.toContain("'unsafe-inline'");
      expect(csp.get('style-src')).not.toContain("'unsafe-inline'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  it('/docs runs no script at all and allows exactly its own inline stylesheet', async () => {
    const res = await fetch(`${svc.url}/docs`);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(csp.get('script-src')).toBeUndefined(); // falls back to default-src 'none'
    expect(csp.get('form-action')).toEqual(["'none'"]);
    const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(styles).toHaveLength(1);
    expect(csp.get('style-src')).toEqual([sha256(styles[0]!)]);
  });
});

describe('/metrics', () => {
  it('needs a key with the metrics (or admin) role', async () => {
    expect((await svc.call('GET', '/metrics', { key: null })).status).toBe(401);
    expect((await svc.call('GET', '/metrics', { key: 'client' })).status).toBe(403);
    expect((await svc.call('GET', '/metrics', { key: 'reviewer' })).status).toBe(403);
    for (const key of ['metrics', 'admin'] as const) {
      const res = await svc.call('GET', '/metrics', { key });
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^# HELP nof1_/m);
    }
  });

  it('is served without a key on NOF1_METRICS_PORT, a listener with nothing else on it', async () => {
    const own = await startTestService({ NOF1_DEMO: '0', NOF1_METRICS_PORT: '0' });
    try {
      expect(own.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(own.metricsUrl).not.toBe(own.url);
      const res = await fetch(`${own.metricsUrl}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/^# TYPE nof1_compose_runs_total counter$/m);
      for (const path of ['/v1/me', '/healthz', '/review'])
        expect((await fetch(`${own.metricsUrl}${path}`)).status).toBe(404);
      expect((await fetch(`${own.url}/metrics`)).status).toBe(401);
    } finally {
      await own.close();
    }
  });
});
