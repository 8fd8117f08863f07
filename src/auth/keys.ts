import { createHash, randomBytes } from 'node:crypto';

const ROLES = ['admin', 'client', 'strategist', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/** Keys are held only as hashes so a heap dump or log line never shows one. */
export type KeyRing = {
  rolesFor(key: string): ReadonlySet<Role> | undefined;
  /** A stable, non-secret name for the key, for audit fields such as "decided by". */
  principalOf(key: string): string;
};

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

export class KeySpecError extends Error {}

/** Parses `role:key,role:key`; a key may appear under several roles. */
export function parseKeys(spec: string): Map<string, Set<Role>> {
  const byHash = new Map<string, Set<Role>>();
  for (const raw of spec.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const at = entry.indexOf(':');
    const role = entry.slice(0, at).trim() as Role;
    const key = entry.slice(at + 1).trim();
    if (at < 1 || !ROLES.includes(role)) {
      throw new KeySpecError(`NOF1_API_KEYS: "${entry.slice(0, Math.max(at, 0))}" is not a role (${ROLES.join(', ')})`);
    }
    if (key.length < 8) throw new KeySpecError(`NOF1_API_KEYS: the ${role} key is shorter than 8 characters`);
    const h = hash(key);
    const roles = byHash.get(h) ?? new Set<Role>();
    roles.add(role);
    byHash.set(h, roles);
  }
  if (byHash.size === 0) throw new KeySpecError('NOF1_API_KEYS: no role:key pair found');
  return byHash;
}

export function createKeyRing(byHash: Map<string, Set<Role>>): KeyRing {
  return {
    rolesFor: (key) => byHash.get(hash(key)),
    principalOf: (key) => `key_${hash(key).slice(0, 12)}`,
  };
}

export function generateAdminKey(): string {
  return `nof1_${randomBytes(24).toString('base64url')}`;
}
