import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { Forbidden, TooManyRequests, Unauthorized } from '../domain/errors.js';
import { clientAddress } from './client-address.js';
import type { KeyRing, Role } from './keys.js';
import type { RateLimits } from './rate-limits.js';

export type Gate = { keys: KeyRing; limits: RateLimits; trustProxy: boolean };

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Counts a request without a key against its address: public routes and keyless calls alike. */
export async function limitAddress(gate: Gate, c: Context<AppEnv>) {
  const wait = await gate.limits.address(clientAddress(c, gate.trustProxy));
  if (wait) throw new TooManyRequests('too many requests from this address; retry later', wait);
}

/**
 * Resolves the bearer key to its name and roles. An address that has sent too many unknown keys is
 * turned away before its key is looked at; unknown or missing keys stop here with 401; a known key
 * over its rate limit gets 429.
 */
export function authenticate(gate: Gate): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      await limitAddress(gate, c);
      throw new Unauthorized();
    }
    const address = clientAddress(c, gate.trustProxy);
    const blocked = await gate.limits.authBlocked(address);
    if (blocked) throw new TooManyRequests('too many unknown keys from this address; retry later', blocked);
    const match = BEARER.exec(header);
    const identity = match ? await gate.keys.identify(match[1]!) : undefined;
    if (!identity) {
      await gate.limits.authFailed(address);
      throw new Unauthorized();
    }
    const wait = await gate.limits.key(identity.name);
    if (wait) throw new TooManyRequests('this key is over its rate limit; retry later', wait);
    c.set('roles', identity.roles);
    c.set('principal', identity.name);
    await next();
  };
}

/** Admin may do everything; any other role must be listed. */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const roles = c.get('roles');
    if (!roles.has('admin') && !allowed.some((r) => roles.has(r))) {
      throw new Forbidden(`this route needs the ${allowed.join(' or ')} role`);
    }
    await next();
  };
}
