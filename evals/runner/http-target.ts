import { ComposeAnswer } from '../../src/domain/compose.js';
import type { BlockInfo } from '../assertions/assertion-types.js';
import { CaseError, type CaseTarget } from './case-target.js';

type Fetch = typeof fetch;

/** The problem+json detail of a failed answer, or its status line when the body says nothing useful. */
async function failure(res: Response, what: string): Promise<CaseError> {
  const text = await res.text().catch(() => '');
  let detail = '';
  try {
    const problem = JSON.parse(text) as { detail?: string; errors?: Array<{ path: string; message: string }> };
    detail = [problem.detail, ...(problem.errors ?? []).map((e) => `${e.path}: ${e.message}`)]
      .filter(Boolean)
      .join('; ');
  } catch {
    detail = text.slice(0, 200);
  }
  return new CaseError(`${what} answered HTTP ${res.status}${detail ? `: ${detail}` : ''}`);
}

/**
 * A running service: POST /v1/compose per case, then GET /v1/traces/{traceId}. The key needs the client role
 * to compose; without the reviewer role traces are not readable and trace-based assertions see none.
 */
export function createHttpTarget(against: { url: string; key: string }, fetchImpl: Fetch = fetch): CaseTarget {
  const base = against.url.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${against.key}`, 'content-type': 'application/json' };
  // The service records these runs as eval runs and keeps them out of its review queue, metrics and figures.
  const composeHeaders = { ...headers, 'x-nof1-origin': 'eval' };
  const libraries = new Map<string, Promise<Map<string, BlockInfo> | undefined>>();

  async function readTrace(traceId: string): Promise<unknown> {
    const res = await fetchImpl(`${base}/v1/traces/${encodeURIComponent(traceId)}`, { headers });
    return res.ok ? res.json() : undefined;
  }

  /** Every block of a programme, usable or not, listed once per run (needs the strategist role). */
  async function library(program: string): Promise<Map<string, BlockInfo> | undefined> {
    const byId = new Map<string, BlockInfo>();
    for (let offset = 0; ; offset += 500) {
      const query = new URLSearchParams({ program, includeUnusable: 'true', limit: '500', offset: String(offset) });
      const res = await fetchImpl(`${base}/v1/content/blocks?${query}`, { headers });
      if (!res.ok) return undefined;
      const { blocks } = (await res.json()) as { blocks: BlockInfo[] };
      for (const b of blocks) {
        byId.set(b.id, {
          id: b.id,
          kind: b.kind,
          requiresIsi: b.requiresIsi,
          text: b.text,
          brand: b.brand,
          locale: b.locale,
        });
      }
      if (blocks.length < 500) return byId;
    }
  }

  return {
    mode: 'http',
    async compose(request) {
      const started = performance.now();
      let res: Response;
      try {
        res = await fetchImpl(`${base}/v1/compose`, {
          method: 'POST',
          headers: composeHeaders,
          body: JSON.stringify(request),
        });
      } catch (err) {
        throw new CaseError(`POST /v1/compose failed: ${(err as Error).message}`);
      }
      if (!res.ok) throw await failure(res, 'POST /v1/compose');
      const parsed = ComposeAnswer.safeParse(await res.json().catch(() => undefined));
      const latencyMs = performance.now() - started;
      if (!parsed.success) throw new CaseError('POST /v1/compose answered something that is not a compose answer');
      return { answer: parsed.data, latencyMs, trace: await readTrace(parsed.data.traceId).catch(() => undefined) };
    },
    async blockInfo(program) {
      if (!libraries.has(program))
        libraries.set(
          program,
          library(program).catch(() => undefined),
        );
      // A key without the strategist role cannot list blocks: assertions then fall back to the trace.
      const known = await libraries.get(program)!;
      return known && (async (ids) => ids.flatMap((id) => known.get(id) ?? []));
    },
    async contentTerms(program) {
      // Without the strategist role the library is unreadable: the programme name is still content.
      const known = await (libraries.get(program) ?? library(program).catch(() => undefined));
      const brands = [...(known?.values() ?? [])].flatMap((b) => (b.brand ? [b.brand] : []));
      return [...new Set([program, ...brands])];
    },
    close: async () => undefined,
  };
}
