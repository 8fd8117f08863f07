import { generateBlocks, generateQueries } from './support/blocks.js';
import { openMemoryRepo } from './support/memory-store.js';
const { store, repo } = await openMemoryRepo();
await repo.importBlocks(generateBlocks(10_000));
await store.pool.query('ANALYZE content_blocks');
const orig = store.pool.query.bind(store.pool);
let captured: { sql: string; params: unknown[] } | undefined;
(store.pool as any).query = (sql: string, params: unknown[]) => { captured = { sql, params }; return orig(sql, params); };
for (const { q, filter } of generateQueries(6)) {
  await repo.search(q, filter);
  const p = await orig(`EXPLAIN (ANALYZE, COSTS OFF) ${captured!.sql}`, captured!.params);
  console.log('=====', q, JSON.stringify(filter), captured!.params[1]);
  console.log(p.rows.map((r: any) => r['QUERY PLAN']).filter((l: string) => !l.includes("Order By") && !l.includes('Sort Key')).join('\n'));
}
await store.close();
