import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';
import { Forbidden, Unauthorized } from '../domain/errors.js';
import type { KeyRing, Role } from './keys.js';

/** Resolves the bearer key to its roles; unknown or missing keys stop here with 401. */
export function authenticate(keys: KeyRing): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const roles = match ? keys.rolesFor(match[1]!) : undefined;
    if (!match || !roles) throw new Unauthorized();
    c.set('roles', roles);
    c.set('principal', keys.principalOf(match[1]!));
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
