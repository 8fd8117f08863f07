import { execFile } from 'node:child_process';

/** The commit checked out where `dir` lives, or null outside a repository (or without git). */
export function gitCommit(dir: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile('git', ['rev-parse', 'HEAD'], { cwd: dir, timeout: 5_000 }, (err, stdout) => {
      const sha = stdout?.trim();
      resolve(!err && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null);
    });
  });
}
