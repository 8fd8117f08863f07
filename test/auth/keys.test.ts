import { describe, expect, it } from 'vitest';
import { createKeyRing, KeySpecError, parseKeys } from '../../src/auth/keys.js';
import { EnvError, parseEnv } from '../../src/env.js';

describe('parseKeys', () => {
  it('gives a key listed under several roles all of them', () => {
    const ring = createKeyRing(parseKeys('strategist:shared-key-01, reviewer:shared-key-01,client:client-key-01'));
    expect([...(ring.rolesFor('shared-key-01') ?? [])].sort()).toEqual(['reviewer', 'strategist']);
    expect([...(ring.rolesFor('client-key-01') ?? [])]).toEqual(['client']);
    expect(ring.rolesFor('unknown-key-01')).toBeUndefined();
  });

  it('names a principal without revealing the key', () => {
    const ring = createKeyRing(parseKeys('admin:secret-admin-key'));
    const principal = ring.principalOf('secret-admin-key');
    expect(principal).toMatch(/^key_[0-9a-f]{12}$/);
    expect(principal).not.toContain('secret');
    expect(ring.principalOf('secret-admin-key')).toBe(principal);
    expect(ring.principalOf('other-admin-key')).not.toBe(principal);
  });

  it('rejects an unknown role, naming it', () => {
    expect(() => parseKeys('admin:admin-key-01,superuser:super-key-01')).toThrow(KeySpecError);
    expect(() => parseKeys('superuser:super-key-01')).toThrow(/"superuser" is not a role/);
  });

  it('rejects an entry without a role', () => {
    expect(() => parseKeys('just-a-key-0001')).toThrow(KeySpecError);
    expect(() => parseKeys(':no-role-key-01')).toThrow(KeySpecError);
  });

  it('rejects a key shorter than 8 characters without echoing it', () => {
    let message = '';
    try {
      parseKeys('client:abc1234');
    } catch (err) {
      expect(err).toBeInstanceOf(KeySpecError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/client key is shorter than 8/);
    expect(message).not.toContain('abc1234');
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
