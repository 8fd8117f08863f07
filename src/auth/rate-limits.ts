import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export type RateLimitSettings = {
  /** Requests per minute one key (by name) may make; 0 turns the limit off. */
  perKeyPerMinute: number;
  /** Requests per minute one address may make without a key (public routes, missing keys). */
  perAddressPerMinute: number;
  /** Rejected keys per minute from one address; past it the address waits `authBlockSeconds`. */
  authFailuresPerMinute: number;
  authBlockSeconds: number;
};

/** Each check answers undefined (go ahead) or the whole seconds to wait (the Retry-After value). */
export type RateLimits = {
  key(name: string): Promise<number | undefined>;
  address(address: string): Promise<number | undefined>;
  /** An address that sent too many unknown keys waits before any key it sends is even checked. */
  authBlocked(address: string): Promise<number | undefined>;
  authFailed(address: string): Promise<void>;
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** One limiter's consume: a rejection carrying RateLimiterRes means "over"; anything else is a fault. */
async function consume(limiter: RateLimiterMemory | undefined, key: string): Promise<number | undefined> {
  if (!limiter) return undefined;
  try {
    await limiter.consume(key);
    return undefined;
  } catch (err) {
    if (err instanceof RateLimiterRes) return seconds(err.msBeforeNext);
    throw err;
  }
}

const perMinute = (points: number, keyPrefix: string) =>
  points > 0 ? new RateLimiterMemory({ points, duration: 60, keyPrefix }) : undefined;

/**
 * In-process limits (rate-limiter-flexible, fixed one-minute windows). With several processes behind
 * one balancer each holds its own counts, so a caller's effective limit is the sum across processes.
 */
export function createRateLimits(s: RateLimitSettings): RateLimits {
  const keys = perMinute(s.perKeyPerMinute, 'key');
  const addresses = perMinute(s.perAddressPerMinute, 'address');
  const failures =
    s.authFailuresPerMinute > 0
      ? new RateLimiterMemory({
          points: s.authFailuresPerMinute,
          duration: 60,
          blockDuration: s.authBlockSeconds,
          keyPrefix: 'auth-failure',
        })
      : undefined;
  return {
    key: (name) => consume(keys, name),
    address: (address) => consume(addresses, address),
    async authBlocked(address) {
      const state = await failures?.get(address);
      return state && state.consumedPoints > s.authFailuresPerMinute ? seconds(state.msBeforeNext) : undefined;
    },
    async authFailed(address) {
      await consume(failures, address);
    },
  };
}
