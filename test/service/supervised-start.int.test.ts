import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { finished } from '../support/cli.js';
import { freePort } from '../support/free-port.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dockerfile = () => readFile(`${ROOT}Dockerfile`, 'utf8');

/** A supervisor's view: `npm start` as the container's CMD, its health command, and docker stop's SIGTERM. */
describe('running under a supervisor', () => {
  it('the Dockerfile builds on node:20-slim, runs npm start and checks /healthz', async () => {
    const text = await dockerfile();
    expect(text).toMatch(/^FROM node:20-slim$/m);
    expect(text).toMatch(/^CMD \["npm", "start"\]$/m);
    expect(text).toMatch(/^HEALTHCHECK .*\\\n\s+CMD \[.*\/healthz/m);
  });

  it('npm start serves, passes the Dockerfile health check, and on SIGTERM to npm stops cleanly with exit 0', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      NOF1_DATA_DIR: 'memory',
      NOF1_DEMO: '0',
      LOG_LEVEL: 'info',
    };
    for (const name of ['NOF1_API_KEYS', 'DATABASE_URL']) delete env[name];
    // A group of its own, so a failing run can take the whole tree down, even a service npm left orphaned.
    const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true });
    onTestFinished(() => {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // the group is already gone
      }
    });
    const exit = finished(npm);
    await new Promise<void>((resolve, reject) => {
      npm.stdout.on('data', (d: Buffer) => String(d).includes('"msg":"nof1 listening"') && resolve());
      npm.once('exit', (code) => reject(new Error(`npm start exited (${code}) before listening`)));
    });

    // The HEALTHCHECK's own command, run as Docker would inside the container.
    const [cmd, ...args] = JSON.parse(/HEALTHCHECK [\s\S]*?CMD (\[.*\])/.exec(await dockerfile())![1]!) as string[];
    expect(cmd).toBe('node');
    const health = await finished(spawn(process.execPath, args, { env: { ...env, PORT: String(port) } }));
    expect(health.code).toBe(0);

    // What docker stop does to the container's first process: SIGTERM to npm, not to the service.
    npm.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"shutting down"');
    expect(result.stdout).toContain('"msg":"nof1 stopped"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // With the service gone the same health command fails, as Docker needs it to.
    expect((await finished(spawn(process.execPath, args, { env: { ...env, PORT: String(port) } }))).code).toBe(1);
  });
});
