import { describe, expect, it } from 'vitest';
import { createKeyRing, KeySpecError, parseKeys, shortKeyWarnings } from '../../src/auth/keys.js';
import { EnvError, parseEnv } from '../../src/env.js';

const ring = (spec: string) => createKeyRing(parseKeys(spec));
const rolesOf = async (spec: string, key: string) => [...((await ring(spec).identify(key))?.roles ?? [])].sort();

describe('parseKeys', () => {
  it('gives a key listed under several roles all of them', async () => {
    const spec = 'strategist:shared-key-01, reviewer:shared-key-01,client:client-key-01';
    expect(await rolesOf(spec, 'shared-key-01')).toEqual(['reviewer', 'strategist']);
    expect(await rolesOf(spec, 'client-key-01')).toEqual(['client']);
    expect(await ring(spec).identify('unknown-key-01')).toBeUndefined();
  });

  it('derives a stable name that does not reveal a key given without one', async () => {
    const first = await ring('admin:secret-admin-key').identify('secret-admin-key');
    expect(first?.name).toMatch(/^key_[0-9a-f]{12}$/);
    expect(first?.name).not.toContain('secret');
    expect((await ring('client:other-key-01,admin:secret-admin-key').identify('secret-admin-key'))?.name).toBe(
      first?.name,
    );
    expect((await ring('admin:other-admin-key').identify('other-admin-key'))?.name).not.toBe(first?.name);
  });

  it('names a key given as role:name=key, and keeps the name when the key has several roles', async () => {
    const keys = ring('reviewer:alice=alice-secret-1,strategist:alice-secret-1,reviewer:bob=bob-secret-01');
    const alice = await keys.identify('alice-secret-1');
    expect(alice?.name).toBe('alice');
    expect([...(alice?.roles ?? [])].sort()).toEqual(['reviewer', 'strategist']);
    expect((await keys.identify('bob-secret-01'))?.name).toBe('bob');
    expect((await keys.identify('alice=alice-secret-1'))?.name).toBeUndefined();
  });

  it('takes a base64 key with its = padding as a plain role:key, as the contract writes it', async () => {
    const keys = ring('client:c2VjcmV0LWNsaWVudA==,admin:YWRtaW4tc2VjcmV0LTE=,reviewer:erin=ZXJpbi1zZWNyZXQ==');
    expect(await rolesOf('client:c2VjcmV0LWNsaWVudA==', 'c2VjcmV0LWNsaWVudA==')).toEqual(['client']);
    expect((await keys.identify('c2VjcmV0LWNsaWVudA=='))?.name).toMatch(/^key_[0-9a-f]{12}$/);
    expect([...((await keys.identify('YWRtaW4tc2VjcmV0LTE='))?.roles ?? [])]).toEqual(['admin']);
    expect((await keys.identify('ZXJpbi1zZWNyZXQ=='))?.name).toBe('erin');
  });

  it('takes several keys per role, and one name over an old and a new key during rotation', async () => {
    const keys = ring('reviewer:carol=old-secret-01,reviewer:carol=new-secret-01,reviewer:dan=dan-secret-01');
    for (const key of ['old-secret-01', 'new-secret-01']) {
      expect(await keys.identify(key)).toEqual({ name: 'carol', roles: new Set(['reviewer']) });
    }
    expect((await keys.list()).map((k) => k.name).sort()).toEqual(['carol', 'carol', 'dan']);
  });

  it('accepts the safety and metrics roles', async () => {
    expect(await rolesOf('safety:pv=pv-officer-key,metrics:pv-officer-key', 'pv-officer-key')).toEqual([
      'metrics',
      'safety',
    ]);
  });

  it('refuses one key under two names', () => {
    expect(() => parseKeys('reviewer:alice=shared-secret-1,client:bob=shared-secret-1')).toThrow(
      /named both alice and bob/,
    );
  });

  it('reads a key that merely contains = as a key when no name stands before it', async () => {
    expect(await rolesOf('client:=leading-equals-key', '=leading-equals-key')).toEqual(['client']);
  });

  it('rejects an unknown role, naming it', () => {
    expect(() => parseKeys('admin:admin-key-01,superuser:super-key-01')).toThrow(KeySpecError);
    expect(() => parseKeys('superuser:super-key-01')).toThrow(/"superuser" is not a role/);
  });

  it('rejects an entry without a role', () => {
    expect(() => parseKeys('just-a-key-0001')).toThrow(KeySpecError);
    expect(() => parseKeys(':no-role-key-01')).toThrow(KeySpecError);
  });

  it('accepts a short key (the contract sets no length) and warns about it by label, never echoing it', async () => {
    const spec = 'client:abc1234,reviewer:rita=r1,admin:a-long-random-admin-key-0001';
    expect(await rolesOf(spec, 'abc1234')).toEqual(['client']);
    expect(await rolesOf(spec, 'r1')).toEqual(['reviewer']);
    const warnings = shortKeyWarnings(spec);
    expect(warnings).toEqual([
      expect.stringMatching(/the client key is shorter than 16 characters/),
      expect.stringMatching(/the key named rita is shorter than 16 characters/),
    ]);
    expect(warnings.join('\n')).not.toMatch(/abc1234|r1\b/);
  });

  it('rejects an empty key, naming its role', () => {
    expect(() => parseKeys('client:')).toThrow(/the client key is empty/);
    expect(() => parseKeys('client:ok-key-0001,reviewer: ')).toThrow(KeySpecError);
  });

  it('rejects an empty spec', () => {
    expect(() => parseKeys('')).toThrow(/no role:key pair/);
    expect(() => parseKeys(' , ,')).toThrow(KeySpecError);
  });
});

describe('parseEnv', () => {
  const failure = (source: Record<string, string>) => {
    try {
      parseEnv(source);
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      return (err as Error).message;
    }
    throw new Error('parseEnv accepted a bad environment');
  };

  it('fills the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 8787,
      HOST: '127.0.0.1',
      NOF1_DATA_DIR: './.nof1',
      NOF1_DEMO: true,
      LOG_LEVEL: 'info',
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.NOF1_API_KEYS).toBeUndefined();
  });

  it('reads NOF1_DEMO=0 as off and other flag spellings too', () => {
    expect(parseEnv({ NOF1_DEMO: '0' }).NOF1_DEMO).toBe(false);
    expect(parseEnv({ NOF1_DEMO: 'off' }).NOF1_DEMO).toBe(false);
    expect(parseEnv({ NOF1_DEMO: 'yes' }).NOF1_DEMO).toBe(true);
    expect(failure({ NOF1_DEMO: 'maybe' })).toMatch(/NOF1_DEMO/);
  });

  it('treats an empty variable as unset', () => {
    const env = parseEnv({ PORT: '', DATABASE_URL: '' });
    expect(env.PORT).toBe(8787);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('coerces PORT and turns a bad one into one readable line naming PORT', () => {
    expect(parseEnv({ PORT: '9000' }).PORT).toBe(9000);
    for (const bad of ['eighty', '70000', '-1', '80.5']) {
      const message = failure({ PORT: bad });
      expect(message).toMatch(/^invalid environment: PORT: /);
      expect(message).not.toContain('\n');
    }
  });

  it('names other bad variables the same way', () => {
    expect(failure({ DATABASE_URL: 'mysql://x' })).toMatch(/^invalid environment: DATABASE_URL: .*postgres/);
    expect(failure({ LOG_LEVEL: 'loud' })).toMatch(/^invalid environment: LOG_LEVEL: /);
  });
});
