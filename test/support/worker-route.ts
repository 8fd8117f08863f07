import { Agent, request } from 'node:http';
import { vi } from 'vitest';
import { KEYS, type KeyName, type TestService } from './service.js';

export type Answer = { status: number; requestId: string; body: unknown };

/** One request over the agent's connection (a keep-alive connection stays with the worker that took it). */
export function send(
  svc: TestService,
  agent: Agent | false,
  method: string,
  path: string,
  key: KeyName,
  body?: unknown,
) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(`${svc.url}${path}`, {
      method,
      agent,
      headers: {
        authorization: `Bearer ${KEYS[key]}`,
        ...(text === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }),
      },
    });
    req.on('response', (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          requestId: String(res.headers['x-request-id']),
          body: data.startsWith('{') ? JSON.parse(data) : data,
        }),
      );
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** The worker that answered a request, from its request log line (worker logs arrive through a pipe). */
export function workerOf(svc: TestService, requestId: string): Promise<number> {
  return vi.waitFor(
    () => {
      const line = svc.logs.find((l) => l.msg === 'request' && l.requestId === requestId);
      if (typeof line?.worker !== 'number') throw new Error(`no request log line for ${requestId} yet`);
      return line.worker;
    },
    { timeout: 10_000, interval: 20 },
  );
}

/**
 * One keep-alive connection per worker: new connections are dealt to the workers in turn, so opening
 * some and keeping the first that reaches each worker gives a way to address each worker in particular.
 */
export async function agentPerWorker(svc: TestService, workers: number): Promise<Map<number, Agent>> {
  const found = new Map<number, Agent>();
  for (let tries = 0; found.size < workers && tries < 20 * workers; tries++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answer = await send(svc, agent, 'GET', '/v1/content/blocks?limit=1', 'strategist');
    const worker = await workerOf(svc, answer.requestId);
    if (found.has(worker)) agent.destroy();
    else found.set(worker, agent);
  }
  if (found.size < workers) throw new Error(`reached ${found.size} of ${workers} workers`);
  return found;
}
