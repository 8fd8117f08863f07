import { createHash, randomBytes } from 'node:crypto';

export const ROLES = ['admin', 'client', 'strategist', 'reviewer', 'safety', 'metrics'] as const;
export type Role = (typeof ROLES)[number];

/** Who a key belongs to: the name decisions record (`by`) and the roles it holds. Never the secret. */
export type Identity = { name: string; roles: ReadonlySet<Role> };

/** Keys are held only as hashes so a heap dump or log line never shows one. */
export type KeyRing = {
  identify(key: string): Promise<Identity | undefined>;
  /** Every key's name and roles, for `nof1 keys list`. */
  list(): Promise<Identity[]>;
};

export const sha256 = (key: string) => createHash('sha256').update(key).digest('hex');

export class KeySpecError extends Error {}

// A name is shown in decisions and the console: plain words, no room for a secret or an address. What
// follows the `=` must be more than `=` signs: `role:c2VjcmV0==` is a base64 key with its padding, not a name.
const NAMED = /^([A-Za-z0-9][A-Za-z0-9._-]{0,63})=(?!=*$)(.+)$/;

/** The name of a key given without one: stable across restarts, reveals nothing of the key. */
const derivedName = (hash: string) => `key_${hash.slice(0, 12)}`;

type Entry = { name?: string; roles: Set<Role> };

/** Shorter keys are accepted (the contract sets no length) but named in a start-up warning. */
const SHORT_KEY = 16;

/** Each `role:key` or `role:name=key` pair of the spec, checked for a known role and a key. */
function* pairs(spec: string) {
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.indexOf(':');
    const role = entry.slice(0, at).trim() as Role;
    if (at < 1 || !ROLES.includes(role)) {
      throw new KeySpecError(`NOF1_API_KEYS: "${entry.slice(0, Math.max(at, 0))}" is not a role (${ROLES.join(', ')})`);
    }
    const rest = entry.slice(at + 1).trim();
    const named = NAMED.exec(rest);
    const key = named ? named[2]!.trim() : rest;
    const label = named ? `key named ${named[1]}` : `${role} key`;
    if (!key) throw new KeySpecError(`NOF1_API_KEYS: the ${label} is empty`);
    yield { role, name: named?.[1], key, label };
  }
}

/**
 * Parses `role:key` and `role:name=key` pairs, comma-separated. A key may appear under several roles,
 * a role may have several keys (rotation), and one name may cover a person's old and new key.
 */
export function parseKeys(spec: string): Map<string, Identity> {
  const byHash = new Map<string, Entry>();
  for (const { role, name, key } of pairs(spec)) {
    const h = sha256(key);
    const seen = byHash.get(h) ?? { roles: new Set<Role>() };
    if (name && seen.name && seen.name !== name) {
      throw new KeySpecError(`NOF1_API_KEYS: one key is named both ${seen.name} and ${name}`);
    }
    seen.name ??= name;
    seen.roles.add(role);
    byHash.set(h, seen);
  }
  if (byHash.size === 0) throw new KeySpecError('NOF1_API_KEYS: no role:key pair found');
  return new Map([...byHash].map(([h, e]) => [h, { name: e.name ?? derivedName(h), roles: e.roles }]));
}

/** What start-up warns about: keys short enough to guess, by label (never the key). */
export function shortKeyWarnings(spec: string): string[] {
  return [...pairs(spec)]
    .filter((p) => p.key.length < SHORT_KEY)
    .map((p) => `NOF1_API_KEYS: the ${p.label} is shorter than ${SHORT_KEY} characters; use a long random key`);
}

/** The ring of the keys NOF1_API_KEYS lists. */
export function createKeyRing(byHash: Map<string, Identity>): KeyRing {
  return {
    identify: async (key) => byHash.get(sha256(key)),
    list: async () => [...byHash.values()],
  };
}

export function generateAdminKey(): string {
  return `nof1_${randomBytes(24).toString('base64url')}`;
}
