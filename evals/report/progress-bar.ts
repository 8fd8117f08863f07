import { SingleBar } from 'cli-progress';
import type { RunProgress } from '../runner/run-types.js';

/**
 * A progress bar on stderr (stdout stays for results). cli-progress draws nothing when stderr is not a
 * terminal, so CI logs stay clean.
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const bar = new SingleBar({
    stream,
    format: 'eval [{bar}] {value}/{total} cases · {failed} failed · {caseId}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let failed = 0;
  let started = false;
  return {
    update(p: RunProgress) {
      if (!p.pass) failed++;
      if (!started) bar.start(p.total, 0, { failed, caseId: '' });
      started = true;
      bar.update(p.done, { failed, caseId: p.caseId });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
