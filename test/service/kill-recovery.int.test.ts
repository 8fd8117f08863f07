import { describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { block, uniqueProgram } from '../support/blocks.js';
import { type ChildService, startChildService } from '../support/child-service.js';
import { REQUESTS, subjectId } from '../support/compose-requests.js';
import { heldPost } from '../support/held-request.js';
import { KEYS, startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

const strategist = { authorization: `Bearer ${KEYS.strategist}` };
const reviewer = { authorization: `Bearer ${KEYS.reviewer}` };

async function killed(svc: ChildService) {
  svc.child.kill('SIGKILL');
  await svc.exited;
}

/** The service reopened in this process on the folder a killed process left, with its pool for checks. */
async function reopen(dataDir: string) {
  return startTestService({ NOF1_DEMO: '0', NOF1_DATA_DIR: dataDir });
}

describe('kill -9 and restart', () => {
  it('leaves each import in flight either wholly stored or not at all, and the store takes new work', async () => {
    const dataDir = await tempDir();
    const svc = await startChildService({ NOF1_DATA_DIR: dataDir, NOF1_DEMO: '0' });
    const imports = Array.from({ length: 3 }, () => {
      const program = uniqueProgram('kill-import');
      const blocks = Array.from({ length: 400 }, () => block({ program }));
      return {
        program,
        blocks,
        request: heldPost(`${svc.url}/v1/content/import`, strategist, JSON.stringify({ blocks })),
      };
    });
    await Promise.all(imports.map((i) => i.request.accepted));
    // The connections die with the process: whatever they answer (or not) is not the point here.
    const settled = imports.map((i) => i.request.answer.catch(() => undefined));
    for (const i of imports) i.request.release();
    // Killed with the bodies sent and no answer yet: the imports are being read, embedded or written.
    await killed(svc);
    await Promise.all(settled);

    const after = await reopen(dataDir);
    try {
      for (const i of imports) {
        const stored = await after.pool.query<{ n: number; versions: number }>(
          `SELECT count(*)::int AS n, (SELECT count(*)::int FROM content_block_versions v
             WHERE v.id = ANY($2::text[])) AS versions FROM content_blocks WHERE program = $1`,
          [i.program, i.blocks.map((b) => b.id)],
        );
        const { n, versions } = stored.rows[0]!;
        expect([0, i.blocks.length]).toContain(n);
        expect(versions).toBe(n);
      }
      const program = uniqueProgram('after-kill');
      const res = await after.call('POST', '/v1/content/import', {
        key: 'strategist',
        body: { blocks: [block({ program })] },
      });
      expect(await res.json()).toMatchObject({ imported: 1, rejected: [] });
    } finally {
      await after.close();
    }
  });

  it('keeps held runs decidable after a kill, even one killed while a reviewer was deciding it', async () => {
    const dataDir = await tempDir();
    const svc = await startChildService({ NOF1_DATA_DIR: dataDir, NOF1_DEMO: '1' });
    const subject = subjectId('kill-held');
    const held: ComposeAnswer[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await svc.call('POST', '/v1/compose', {
        key: 'client',
        body: REQUESTS.lowConfidence(`${subject}-${i}`),
      });
      const answer = (await res.json()) as ComposeAnswer;
      expect(answer.status).toBe('needs_review');
      held.push(answer);
    }
    const deciding = heldPost(
      `${svc.url}/v1/reviews/${held[0]!.review!.id}/decision`,
      reviewer,
      JSON.stringify({ decision: 'approve' }),
    );
    await deciding.accepted;
    const settled = deciding.answer.catch(() => undefined);
    deciding.release();
    await killed(svc);
    await settled;

    const after = await reopen(dataDir);
    try {
      for (const answer of held) {
        const res = await after.call('GET', `/v1/reviews/${answer.review!.id}`, { key: 'reviewer' });
        const review = (await res.json()) as { status: string };
        // The decision cut short either committed whole or went back to the queue: never stuck deciding.
        expect(['pending', 'approved']).toContain(review.status);
        if (review.status === 'pending') {
          const res = await after.call('POST', `/v1/reviews/${answer.review!.id}/decision`, {
            key: 'reviewer',
            body: { decision: 'approve' },
          });
          expect(res.status).toBe(200);
          expect(((await res.json()) as { answer: ComposeAnswer }).answer.status).toBe('approved');
        }
        const message = (await (
          await after.call('GET', `/v1/messages/${answer.id}`, { key: 'client' })
        ).json()) as ComposeAnswer;
        expect(message.status).toBe('approved');
        const verify = await (
          await after.call('GET', `/v1/traces/${answer.traceId}/verify`, { key: 'reviewer' })
        ).json();
        expect(verify).toMatchObject({ intact: true, problems: [] });
      }
    } finally {
      await after.close();
    }
  });

  it('runs a request once after a kill, whether or not the killed process had claimed its Idempotency-Key', async () => {
    const dataDir = await tempDir();
    // A short lease: a claim the killed process left is taken over after a second.
    const env = { NOF1_DATA_DIR: dataDir, NOF1_DEMO: '1', NOF1_IDEMPOTENCY_LEASE_MS: '1000' };
    const svc = await startChildService(env);
    const subject = subjectId('kill-idem');
    const body = JSON.stringify(REQUESTS.cost(subject));
    const client = { authorization: `Bearer ${KEYS.client}`, 'idempotency-key': `kill-${subject}` };
    const first = heldPost(`${svc.url}/v1/compose`, client, body);
    await first.accepted;
    const settled = first.answer.catch(() => undefined);
    first.release();
    await killed(svc);
    await settled;

    const again = await startChildService(env);
    try {
      const res = await fetch(`${again.url}/v1/compose`, {
        method: 'POST',
        headers: { ...client, 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(200);
      const answer = (await res.json()) as ComposeAnswer;
      const replay = await fetch(`${again.url}/v1/compose`, {
        method: 'POST',
        headers: { ...client, 'content-type': 'application/json' },
        body,
      });
      expect(((await replay.json()) as ComposeAnswer).id).toBe(answer.id);
      const traces = await again.call('GET', '/v1/traces?limit=200', { key: 'reviewer' });
      const runs = ((await traces.json()) as { traces: Array<{ runId: string }> }).traces;
      // The killed run either committed (and its key with it, so this is its replay) or left nothing.
      expect(runs.filter((r) => r.runId === answer.id)).toHaveLength(1);
      expect(runs.length).toBe(1);
    } finally {
      await killed(again);
    }
  });
});
