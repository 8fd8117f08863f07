import type { RunListing } from './run-listing.js';
import type { TraceRepo } from './trace-repo.js';

/**
 * A run's trace as GET /v1/traces/{traceId} answers it, built in one place so in-process readers (the eval
 * runner) see exactly what the route serves.
 */
export async function readTraceView(deps: { traces: TraceRepo; listing: RunListing }, traceId: string) {
  const run = await deps.listing.byTrace(traceId);
  if (!run) return undefined;
  const records = await deps.traces.records(traceId);
  const steps = records.map((r) => ({
    step: r.step,
    kind: r.kind,
    ...r.record,
    ...('personalDigest' in r.record ? { personal: r.personal ?? null } : {}),
    hash: r.hash,
  }));
  return {
    traceId,
    runId: run.id,
    program: run.program,
    createdAt: run.created_at.toISOString(),
    answer: run.answer,
    steps,
  };
}
