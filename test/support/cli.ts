import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NOF1_BIN = fileURLToPath(new URL('../../src/bin/nof1.js', import.meta.url));

export type CliResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** The environment a child nof1 sees: quiet, no demo load, and nothing inherited that picks a store. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of Object.keys(base)) if (name.startsWith('NOF1_') || name === 'DATABASE_URL') delete base[name];
  return { ...base, LOG_LEVEL: 'silent', NOF1_DEMO: '0', ...env };
}

/** Starts the real `nof1` binary as a child process. */
export function spawnNof1(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [NOF1_BIN, ...args], { cwd: REPO_ROOT, env: childEnv(env) });
}

/** Collects a child's output and how it ended. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `nof1 ...args` to completion. */
export const runNof1 = (args: string[], env: Record<string, string> = {}) => finished(spawnNof1(args, env));
