// The one place that talks to /v1: adds the reviewer's key and turns problem+json answers into errors.

const KEY = 'nof1.reviewerKey';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  set: (key) => sessionStorage.setItem(KEY, key),
  clear: () => sessionStorage.removeItem(KEY),
};

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Calls the API with a key (the stored one unless given) and answers the parsed JSON body.
 * @param {string} path
 * @param {{ method?: string, body?: unknown, key?: string | null }} [options]
 */
export async function api(path, { method = 'GET', body = undefined, key = session.key() } = {}) {
  const headers = { accept: 'application/json', authorization: `Bearer ${key ?? ''}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** A reviewer-facing sentence for an error; 401/403 mean the key, not the page, is the problem. */
export function explain(err) {
  if (!(err instanceof ApiError)) return `The service could not be reached (${err?.message ?? err}).`;
  if (err.status === 401) return 'That key was not accepted. Check it and sign in again.';
  if (err.status === 403) return 'That key is valid but has no reviewer role.';
  return `${err.problem?.title ?? 'Error'} (${err.status}): ${err.message}`;
}

export const enc = encodeURIComponent;
