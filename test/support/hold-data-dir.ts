/**
 * The other process in the data-folder lock tests: claims the folder given as the first argument
 * (with the stale period in ms as the second), says "locked", and holds it until it is stopped.
 * Exits 3 with the error's message when the folder is in use.
 */
import { lockDataDir, StoreInUseError } from '../../src/store/data-dir-lock.js';

const [dataDir = '', staleMs] = process.argv.slice(2);
try {
  await lockDataDir(dataDir, staleMs ? { staleMs: Number(staleMs) } : {});
  process.stdout.write('locked\n');
  setInterval(() => undefined, 60_000);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(err instanceof StoreInUseError ? 3 : 1);
}
