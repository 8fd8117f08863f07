import { setTimeout as sleep } from 'node:timers/promises';
import type { ComposeAnswer } from '../domain/compose.js';
import { Conflict } from '../domain/errors.js';
import { completeKey, type IdempotencyRepo, type KeyRef } from '../store/idempotency-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { type ComposeOptions, newId } from './compose-runner.js';

export type IdempotencyTiming = {
  /** How long a claim outlives a process that stopped renewing it. */
  leaseMs: number;
  /** How long a request waits for the run that holds its key. */
  waitMs: number;
};

/** Either this request owns the key and runs, or it answers with the run that already did. */
export type KeyOutcome = { runId: string } | { answer: ComposeAnswer };

type Start = (opts: Pick<ComposeOptions, 'runId' | 'within'>) => Promise<ComposeAnswer>;

const MAX_POLL_MS = 250;

/**
 * Requests with one Idempotency-Key run once, across processes: the key is claimed (in progress, with a
 * reserved run id and a lease) before the run starts; the others wait for its answer, or get a 409 at
 * once when their body differs, or after a bounded wait when the run is still going.
 */
export function createIdempotentCompose(deps: { idempotency: IdempotencyRepo; runs: RunsRepo } & IdempotencyTiming) {
  async function claimOrWait(ref: KeyRef, requestHash: string): Promise<KeyOutcome> {
    const runId = newId('msg');
    const giveUpAt = Date.now() + deps.waitMs;
    for (let pause = 20; ; pause = Math.min(pause * 2, MAX_POLL_MS)) {
      const claim = await deps.idempotency.claim(ref, requestHash, runId, deps.leaseMs);
      if (claim.state === 'conflict') {
        throw new Conflict('this Idempotency-Key was used with a different request body');
      }
      if (claim.state === 'claimed') return { runId };
      if (claim.state === 'done') {
        const answer = await deps.runs.getAnswer(claim.runId);
        if (!answer) throw new Conflict('the run this Idempotency-Key names is no longer stored');
        return { answer };
      }
      if (Date.now() >= giveUpAt) {
        throw new Conflict('a request with this Idempotency-Key is still in progress; retry it later');
      }
      await sleep(pause);
    }
  }

  /** Runs the claimed request, renewing its lease meanwhile; the key is completed in the run's transaction. */
  async function runClaimed(ref: KeyRef, runId: string, start: Start): Promise<ComposeAnswer> {
    const renew = setInterval(
      () => void deps.idempotency.renew(ref, runId, deps.leaseMs).catch(() => undefined),
      Math.max(50, Math.floor(deps.leaseMs / 3)),
    );
    renew.unref();
    try {
      return await start({ runId, within: (client) => completeKey(client, ref, runId) });
    } catch (err) {
      await deps.idempotency.release(ref, runId).catch(() => undefined);
      throw err;
    } finally {
      clearInterval(renew);
    }
  }

  return { claimOrWait, runClaimed };
}
export type IdempotentCompose = ReturnType<typeof createIdempotentCompose>;
