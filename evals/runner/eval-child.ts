import { parseEnv } from '../../src/env.js';
import { loadModelGrader } from '../assertions/load-grader.js';
import type { ChildReply, ChildRequest } from './child-messages.js';
import { runSuite } from './run-suite.js';

/**
 * An eval run's own process: the API forks it so a suite's in-memory store and case work never share
 * the API's event loop or heap. It runs one suite, reports progress, answers the result and exits.
 */
const send = (reply: ChildReply) => new Promise<void>((resolve) => process.send!(reply, () => resolve()));
const stop = new AbortController();

process.on('message', (message: ChildRequest) => {
  if (message.type === 'abort') stop.abort();
  else void run(message);
});
process.on('disconnect', () => stop.abort());
// Ctrl-C in a terminal reaches the whole process group: the parent decides (it sends 'abort', then the
// child answers with the cases that ran), so the child does not die on it mid-run.
process.on('SIGINT', () => undefined);

async function run(request: Extract<ChildRequest, { type: 'run' }>) {
  try {
    const env = parseEnv(request.env);
    const result = await runSuite(
      request.suite,
      { ...request.options, signal: stop.signal, onProgress: (progress) => void send({ type: 'progress', progress }) },
      { env, grader: await loadModelGrader(env) },
    );
    await send({ type: 'result', result });
  } catch (err) {
    await send({ type: 'error', message: (err as Error).message });
  }
  process.disconnect();
}
