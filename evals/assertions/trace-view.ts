import { z } from 'zod';

/** Only what assertions read of GET /v1/traces/{id}; anything else in a step is ignored. */
const Step = z.looseObject({
  toolCalls: z.array(z.looseObject({ result: z.unknown() })).optional(),
  modelCalls: z.array(z.unknown()).optional(),
});
const Trace = z.looseObject({ steps: z.array(Step) });
const BlockSummary = z.looseObject({ id: z.string(), kind: z.string() });

function steps(trace: unknown) {
  const parsed = Trace.safeParse(trace);
  return parsed.success ? parsed.data.steps : undefined;
}

/** Block kinds by id, from the content tools' results (which list ids and kinds, never text). */
export function traceBlockKinds(trace: unknown): Map<string, string> | undefined {
  const all = steps(trace);
  if (!all) return undefined;
  const kinds = new Map<string, string>();
  for (const call of all.flatMap((s) => s.toolCalls ?? [])) {
    if (!Array.isArray(call.result)) continue;
    for (const item of call.result) {
      const block = BlockSummary.safeParse(item);
      if (block.success) kinds.set(block.data.id, block.data.kind);
    }
  }
  return kinds;
}

/** Model calls recorded across the trace's steps, failed ones included. */
export function traceModelCalls(trace: unknown): number | undefined {
  return steps(trace)?.reduce((n, s) => n + (s.modelCalls?.length ?? 0), 0);
}
