import { createComposeStack } from '../../src/compose/compose-stack.js';
import { parseEnv } from '../../src/env.js';
import { createLogger } from '../../src/logger.js';
import { createClosedLoop } from '../../src/loop/closed-loop.js';
import { loadDemoLibrary, openRuntime } from '../../src/runtime.js';

export const PROGRAM = 'lumenzo-adherence';

/** A runtime with the demo library, the compose stack and the closed loop (worker not started). */
export async function openLoopRuntime(
  env: Record<string, string> = {},
  worker: { intervalMs?: number; batch?: number } = {},
) {
  const parsed = parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent', ...env });
  const runtime = await openRuntime(parsed);
  const logger = createLogger('silent');
  await loadDemoLibrary(runtime, logger);
  const compose = await createComposeStack({ pool: runtime.store.pool, ...runtime, engagement: true });
  const loop = createClosedLoop({
    ...runtime,
    pool: runtime.store.pool,
    runner: compose.runner,
    logger,
    env: parsed,
    worker,
  });
  return { runtime, compose, loop, pool: runtime.store.pool };
}

/** `n` consenting SMS patients stored in one statement. */
export async function storeSubjects(pool: import('pg').Pool, prefix: string, n: number) {
  await pool.query(
    `INSERT INTO subjects (id, audience, consents) SELECT $1 || lpad(g::text, 6, '0'), 'patient', '{"sms": true}'::jsonb
     FROM generate_series(1, $2) g ON CONFLICT DO NOTHING`,
    [prefix, n],
  );
  return Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(6, '0')}`);
}

export const costEvents = (subjects: string[], tag: string, at = new Date().toISOString()) =>
  subjects.flatMap((id) => [
    {
      id: `${tag}-s-${id}`,
      subject: { id },
      program: PROGRAM,
      type: 'survey_response',
      at,
      data: { question: 'What got in the way?', answer: 'the copay went up and I cant afford it' },
    },
    { id: `${tag}-m-${id}`, subject: { id }, program: PROGRAM, type: 'refill_missed', at, data: { daysLate: 9 } },
  ]);
