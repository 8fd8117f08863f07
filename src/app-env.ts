import type { Logger } from 'pino';
import type { Role } from './auth/keys.js';

/** What the request context carries, typed once for every sub-app. */
export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    roles: ReadonlySet<Role>;
    principal: string;
  };
};
