import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { type CliResult, childEnv, finished, REPO_ROOT } from './cli.js';

const SCRIPT = fileURLToPath(new URL('./hold-data-dir.ts', import.meta.url));

export type Holder = { child: ChildProcess; done: Promise<CliResult> };

/** Starts another Node process (through tsx) that tries to claim `dataDir`; stopped when the test ends. */
export function spawnHolder(dataDir: string, staleMs?: number): Holder {
  const args = ['--import', 'tsx', SCRIPT, dataDir, ...(staleMs ? [String(staleMs)] : [])];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv({}) });
  const done = finished(child);
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  return { child, done };
}

/** Resolves once the holder says it holds the folder; rejects with its output if it exits first. */
export function holding(holder: Holder): Promise<void> {
  return new Promise((resolve, reject) => {
    holder.child.stdout?.on('data', (d) => String(d).includes('locked') && resolve());
    void holder.done.then((r) => reject(new Error(`the holder exited (${r.code}): ${r.stderr}`)));
  });
}
