import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ADMIN_KEY_FILE } from '../../src/auth/stored-admin-key.js';
import { runNof1 } from '../support/cli.js';
import { startTestService } from '../support/service.js';
import { tempDir } from '../support/temp-dir.js';

// NOF1_API_KEYS empty reads as unset: the service falls back to the data folder's generated admin key.
const generated = (dataDir: string) => ({ NOF1_DATA_DIR: dataDir, NOF1_API_KEYS: '', NOF1_DEMO: '0' });
const me = (url: string, key: string) => fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${key}` } });

describe('the generated admin key across restarts', () => {
  it('is made and shown on the first start only, stored hashed, and still works after a restart', async () => {
    const dataDir = await tempDir();
    const first = await startTestService(generated(dataDir));
    const key = first.adminKey!;
    expect(key).toMatch(/^nof1_/);
    expect(await (await me(first.url, key)).json()).toEqual({ name: 'admin', roles: ['admin'] });
    await first.close();

    expect(await readFile(join(dataDir, ADMIN_KEY_FILE), 'utf8')).not.toContain(key);
    const again = await startTestService(generated(dataDir));
    onTestFinished(() => again.close());
    expect(again.adminKey).toBeUndefined();
    expect(again.adminKeySince).toEqual(expect.any(String));
    expect((await me(again.url, key)).status).toBe(200);
    // The key never reached a log line, in either run.
    expect(JSON.stringify(again.logs)).not.toContain(key);
  });

  it('is rotated by `nof1 keys rotate` while the service runs: the old key stops, the new one works', async () => {
    const dataDir = await tempDir();
    const svc = await startTestService(generated(dataDir));
    onTestFinished(() => svc.close());
    const old = svc.adminKey!;

    const listed = await runNof1(['keys', 'list'], { NOF1_DATA_DIR: dataDir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^admin\s+admin made \d{4}-/m);
    expect(listed.stdout).not.toContain(old);

    const rotated = await runNof1(['keys', 'rotate'], { NOF1_DATA_DIR: dataDir });
    expect(rotated.code).toBe(0);
    const fresh = /^\s+(nof1_\S+)$/m.exec(rotated.stdout)?.[1];
    expect(fresh).toBeDefined();
    expect(fresh).not.toBe(old);
    expect((await me(svc.url, old)).status).toBe(401);
    expect((await me(svc.url, fresh!)).status).toBe(200);
    expect(await readFile(join(dataDir, ADMIN_KEY_FILE), 'utf8')).not.toContain(fresh!);
  });
});

describe('nof1 keys', () => {
  it('lists the names and roles of NOF1_API_KEYS, never a key', async () => {
    const spec = 'reviewer:alice=alice-secret-01,strategist:alice-secret-01,client:app-secret-0001';
    const res = await runNof1(['keys', 'list'], { NOF1_API_KEYS: spec });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^alice\s+reviewer, strategist$/m);
    expect(res.stdout).toMatch(/^key_[0-9a-f]{12}\s+client$/m);
    for (const secret of ['alice-secret-01', 'app-secret-0001']) expect(res.stdout).not.toContain(secret);
  });

  it('is a usage error to rotate keys that NOF1_API_KEYS sets, or a folder never started', async () => {
    const fromEnv = await runNof1(['keys', 'rotate'], { NOF1_API_KEYS: 'admin:admin-key-0001' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/NOF1_API_KEYS/);
    const dataDir = await tempDir();
    const never = await runNof1(['keys', 'rotate'], { NOF1_DATA_DIR: dataDir });
    expect(never.code).toBe(2);
    expect(never.stderr).toMatch(/start the service once/);
    const memory = await runNof1(['keys', 'rotate'], { NOF1_DATA_DIR: 'memory' });
    expect(memory.code).toBe(2);
  });

  it('refuses a malformed NOF1_API_KEYS as a usage error, without echoing the key', async () => {
    const res = await runNof1(['keys', 'list'], { NOF1_API_KEYS: 'client:ok-key-secret-1,superuser:su-secret-01' });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/"superuser" is not a role/);
    expect(res.stderr).not.toMatch(/secret/);
  });
});
