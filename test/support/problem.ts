import { expect } from 'vitest';

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
};

/** Asserts the answer is an RFC 9457 problem with the given status and a request id, and returns its body. */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('x-request-id')).toMatch(/\S{8,}/);
  const body = (await res.json()) as ProblemBody;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(body.detail).toEqual(expect.any(String));
  expect(body.detail.length).toBeGreaterThan(0);
  return body;
}
