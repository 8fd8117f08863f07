import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { type ChildService, startChildService } from '../support/child-service.js';
import { REQUESTS, subjectId } from '../support/compose-requests.js';

/** One database several service processes share (PGlite over the wire, standing in for a Postgres server). */
async function sharedDatabase() {
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
  await server.start();
  onTestFinished(async () => {
    await server.stop();
    await db.close();
  });
  return `postgres://postgres@${server.getServerConn()}/postgres`;
}

async function serviceOn(url: string, demo: boolean): Promise<ChildService> {
  const svc = await startChildService({ DATABASE_URL: url, NOF1_DB_POOL_MAX: '1', NOF1_DEMO: demo ? '1' : '0' });
  onTestFinished(async () => {
    svc.child.kill('SIGKILL');
    await svc.exited;
  });
  return svc;
}

describe('the frequency cap across processes', () => {
  it('two service processes on one database approve at most the cap for one subject between them', async () => {
    const url = await sharedDatabase();
    // The first loads the demo library; the second starts on the loaded store.
    const first = await serviceOn(url, true);
    const second = await serviceOn(url, false);
    const subject = subjectId('cap-procs');
    const compose = async (svc: ChildService) => {
      const res = await svc.call('POST', '/v1/compose', { key: 'client', body: REQUESTS.cost(subject) });
      expect(res.status).toBe(200);
      return (await res.json()) as ComposeAnswer;
    };
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => compose(i % 2 ? first : second)));
    const approved = answers.filter((a) => a.status === 'approved');
    expect(approved).toHaveLength(3);
    for (const a of answers.filter((x) => x.status !== 'approved')) {
      expect(a.status).toBe('blocked');
      expect(a.compliance.checks.find((c) => c.rule === 'frequency')?.passed).toBe(false);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const sent = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM runs WHERE subject_id = $1 AND sent_at IS NOT NULL',
        [subject],
      );
      expect(sent.rows[0]!.n).toBe(3);
    } finally {
      await client.end();
    }
  });
});
