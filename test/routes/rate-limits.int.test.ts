import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/env.js';
import { expectProblem } from '../support/problem.js';
import { KEYS, startTestService, type TestService } from '../support/service.js';

// Small limits so each rule shows within a few requests; proxy trust lets one test process speak from
// many addresses, each test its own, so the tests cannot spend each other's allowance.
const PER_KEY = 5;
const PER_ADDRESS = 4;
const FAILURES = 3;
let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({
    NOF1_DEMO: '0',
    NOF1_TRUST_PROXY: '1',
    NOF1_RATE_LIMIT_PER_KEY: String(PER_KEY),
    NOF1_RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS),
    NOF1_AUTH_FAILURES_PER_ADDRESS: String(FAILURES),
    NOF1_AUTH_BLOCK_SECONDS: '120',
  });
});
afterAll(() => svc?.close());

let n = 0;
const newAddress = () => `198.51.100.${++n}`;
const get = (path: string, from: string, key?: string) =>
  fetch(`${svc.url}${path}`, {
    headers: { 'x-forwarded-for': from, ...(key ? { authorization: `Bearer ${key}` } : {}) },
  });
const statuses = (answers: Response[]) => answers.map((r) => r.status);

async function expect429(res: Response, maxSeconds: number) {
  const problem = await expectProblem(res, 429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  return problem;
}

describe('rate limit per key', () => {
  it('answers 429 problem+json with Retry-After once a key is over its limit, whatever the address', async () => {
    const answers = [];
    for (let i = 0; i < PER_KEY + 2; i++) answers.push(await get('/v1/me', newAddress(), KEYS.strategist));
    expect(statuses(answers)).toEqual([...Array(PER_KEY).fill(200), 429, 429]);
    expect((await expect429(answers[PER_KEY]!, 60)).detail).toMatch(/key is over its rate limit/);
  });

  it('leaves other keys their own allowance', async () => {
    const from = newAddress();
    for (let i = 0; i < PER_KEY; i++) expect((await get('/v1/me', from, KEYS.client)).status).toBe(200);
    expect((await get('/v1/me', from, KEYS.client)).status).toBe(429);
    expect((await get('/v1/me', from, KEYS.safety)).status).toBe(200);
  });
});

describe('rate limit per address without a key', () => {
  it('counts public routes and keyless calls together, then answers 429', async () => {
    const from = newAddress();
    const answers = [
      await get('/healthz', from),
      await get('/openapi.json', from),
      await get('/v1/me', from),
      await get('/review', from),
      await get('/healthz', from),
    ];
    expect(statuses(answers)).toEqual([200, 200, 401, 200, 429]);
    await expect429(answers[4]!, 60);
    expect((await get('/healthz', newAddress())).status).toBe(200);
  });
});

describe('failed-auth throttling', () => {
  it('turns an address that sent too many unknown keys away before checking even a valid key', async () => {
    const from = newAddress();
    const guesses = [];
    for (let i = 0; i <= FAILURES; i++) guesses.push(await get('/v1/me', from, `guessed-key-${i}-0000`));
    expect(statuses(guesses)).toEqual(Array(FAILURES + 1).fill(401));
    const valid = await get('/v1/me', from, KEYS.admin);
    const problem = await expect429(valid, 120);
    expect(problem.detail).toMatch(/unknown keys from this address/);
    expect((await get('/v1/me', from, 'guessed-key-again-0000')).status).toBe(429);
    // Another address with the same valid key is not affected.
    expect((await get('/v1/me', newAddress(), KEYS.admin)).status).toBe(200);
  });

  it('counts a malformed Authorization header as a rejected key too', async () => {
    const from = newAddress();
    for (let i = 0; i <= FAILURES; i++) {
      const res = await fetch(`${svc.url}/v1/me`, {
        headers: { 'x-forwarded-for': from, authorization: `Basic x${i}` },
      });
      expect(res.status).toBe(401);
    }
    expect((await get('/v1/me', from, KEYS.admin)).status).toBe(429);
  });
});

describe('defaults', () => {
  it('are generous enough for a pilot and on unless set to 0', () => {
    const env = parseEnv({});
    expect(env.NOF1_RATE_LIMIT_PER_KEY).toBeGreaterThanOrEqual(1000);
    expect(env.NOF1_RATE_LIMIT_PER_ADDRESS).toBeLessThan(env.NOF1_RATE_LIMIT_PER_KEY);
    expect(env.NOF1_AUTH_FAILURES_PER_ADDRESS).toBeGreaterThan(0);
    expect(env.NOF1_TRUST_PROXY).toBe(false);
    expect(parseEnv({ NOF1_RATE_LIMIT_PER_KEY: '0' }).NOF1_RATE_LIMIT_PER_KEY).toBe(0);
    expect(() => parseEnv({ NOF1_RATE_LIMIT_PER_KEY: '-1' })).toThrow(/NOF1_RATE_LIMIT_PER_KEY/);
  });
});
