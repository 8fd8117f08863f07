import type pg from 'pg';
import { createComposeStack } from '../src/compose/compose-stack.js';
import { mixedRequest } from './support/compose-requests.js';
import { openLoadedRuntime } from './support/compose-store.js';

const { runtime } = await openLoadedRuntime();
const pool = runtime.store.pool;
const by = new Map<string, number[]>();
let on = false;
const wrap = (q: (...a: unknown[]) => Promise<unknown>, self: unknown) => async (...a: unknown[]) => {
  const t0 = performance.now();
  try { return await q.apply(self, a); } finally {
    if (on) { const k = String(typeof a[0] === 'string' ? a[0] : (a[0] as { text: string }).text).replace(/\s+/g, ' ').slice(0, 90); by.set(k, [...(by.get(k) ?? []), performance.now() - t0]); }
  }
};
const origQuery = pool.query;
(pool as unknown as { query: unknown }).query = wrap(origQuery as never, pool);
const origConnect = pool.connect.bind(pool);
(pool as unknown as { connect: unknown }).connect = (cb?: never) => cb ? origConnect(cb) : (async () => {
  const c = (await origConnect()) as pg.PoolClient;
  if (!(c as unknown as { __w?: boolean }).__w) { const q = c.query; (c as unknown as { query: unknown }).query = wrap(q as never, c); (c as unknown as { __w?: boolean }).__w = true; }
  return c;
})();
const stack = await createComposeStack({ pool, ...runtime });
for (let i = 0; i < 50; i++) await stack.runner.compose(mixedRequest(i, { tag: 'w' }));
on = true;
const N = 300;
const t0 = performance.now();
for (let i = 0; i < N; i++) await stack.runner.compose(mixedRequest(i));
console.log('mean ms', (performance.now() - t0) / N);
let tot = 0;
const rows = [...by].map(([k, v]) => { const s = v.reduce((a, b) => a + b, 0); tot += s; return [k, v.length / N, s / N, v.sort((a,b)=>a-b)[Math.floor(v.length*0.95)]] as const; }).sort((a, b) => b[2] - a[2]);
for (const [k, n, ms, p95] of rows) console.log(`${ms.toFixed(2).padStart(6)} ms/compose  ${n.toFixed(2)}x  p95 ${p95!.toFixed(2)}  ${k}`);
console.log('sql total per compose', (tot / N).toFixed(2));
await runtime.store.close();
