import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { writeFileSync, readFileSync } from 'node:fs';
const mode = process.argv[2];
if (mode === 'make') {
  const db = await PGlite.create({ extensions: { vector } });
  const blob = await db.dumpDataDir('gzip');
  writeFileSync('/tmp/p8-template.tgz', Buffer.from(await blob.arrayBuffer()));
  console.log('template bytes', blob.size); await db.close();
} else {
  const t = performance.now();
  const buf = readFileSync('/tmp/p8-template.tgz');
  const db = await PGlite.create({ dataDir: '/tmp/p8-' + Date.now(), extensions: { vector }, loadDataDir: new Blob([buf]) });
  await db.query('select 1');
  console.log('create from template', (performance.now() - t).toFixed(0)); await db.close();
  const t2 = performance.now();
  const db2 = await PGlite.create({ dataDir: '/tmp/p8f-' + Date.now(), extensions: { vector } });
  console.log('create fresh', (performance.now() - t2).toFixed(0)); await db2.close();
}
