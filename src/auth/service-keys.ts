import type { Env } from '../env.js';
import { createKeyRing, generateAdminKey, type KeyRing, parseKeys } from './keys.js';
import { createStoredKeyRing, readStoredAdminKey, writeNewAdminKey } from './stored-admin-key.js';

export type ServiceKeys = {
  keys: KeyRing;
  /** Set only when an admin key was made by this start: the one moment it can be shown. */
  newAdminKey?: string;
  /** When the generated admin key of the data folder is in use: when it was made. */
  storedSince?: string;
};

/**
 * NOF1_API_KEYS when set; otherwise the data folder's generated admin key, made (and shown once) on
 * the first start and stable after that. An in-memory store gets a fresh key per start.
 * Call once the store is open, so a freshly initialised data folder never snapshots the key file.
 */
export async function loadServiceKeys(env: Env): Promise<ServiceKeys> {
  if (env.NOF1_API_KEYS) return { keys: createKeyRing(parseKeys(env.NOF1_API_KEYS)) };
  if (env.NOF1_DATA_DIR === 'memory') {
    const key = generateAdminKey();
    return { keys: createKeyRing(parseKeys(`admin:admin=${key}`)), newAdminKey: key };
  }
  const stored = await readStoredAdminKey(env.NOF1_DATA_DIR);
  const newAdminKey = stored ? undefined : await writeNewAdminKey(env.NOF1_DATA_DIR);
  return { keys: createStoredKeyRing(env.NOF1_DATA_DIR), newAdminKey, storedSince: stored?.createdAt };
}
