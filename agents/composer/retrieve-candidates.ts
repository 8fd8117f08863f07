import type { Channel, ContentBlock, StoredBlock } from '../../src/domain/block.js';
import type { Diagnosis, Strategy } from '../../src/domain/compose.js';
import type { ToolCallRecord } from '../../src/domain/engines.js';
import type { createListBlocksTool, createSearchContentTool } from '../../tools/content-tools.js';
import { BARRIER_PLAN } from '../strategy/barrier-techniques.js';

export type ContentTools = {
  search: ReturnType<typeof createSearchContentTool>;
  list: ReturnType<typeof createListBlocksTool>;
};

const summary = (blocks: StoredBlock[]) => blocks.map((b) => ({ id: b.id, kind: b.kind, version: b.version }));

/** Calls the content tools for one channel and records each call (ids only) for the trace. */
export async function retrieveCandidates(
  tools: ContentTools,
  where: { program: string; audience: string; channel: Channel; locale?: string },
  diagnosis: Diagnosis,
  strategy: Strategy,
  /** The subject's own (already redacted) words, so retrieval favours blocks about their situation. */
  subjectWords = '',
): Promise<{ candidates: ContentBlock[]; toolCalls: ToolCallRecord[] }> {
  const toolCalls: ToolCallRecord[] = [];
  const call = async (name: string, run: () => Promise<StoredBlock[]>, args: unknown) => {
    const t0 = performance.now();
    const startedAt = new Date().toISOString();
    const result = await run();
    const ms = Math.round((performance.now() - t0) * 100) / 100;
    toolCalls.push({ name, args, result: summary(result), ms, startedAt });
    return result;
  };
  const barrier = diagnosis.barrier;
  const aim = barrier === 'none' ? '' : BARRIER_PLAN[barrier].aim;
  const planQuery = [barrier.replace('_', ' '), aim, ...strategy.techniques.map((t) => t.name)].join(' ');
  const words = subjectWords
    .split(/\s+/)
    .filter((w) => /^[\p{L}']{3,}$/u.test(w))
    .slice(0, 40);
  const searchArgs = { ...where, query: [planQuery, ...words].join(' '), barrier, limit: 20 };
  // The trace chain cannot be erased, so it records how many of the subject's words were used, not which.
  const tracedArgs = { ...searchArgs, query: planQuery, subjectWords: words.length };
  const listArgs = {
    ...where,
    kinds: ['greeting', 'cta', 'isi', 'question'] as Array<'greeting' | 'cta' | 'isi' | 'question'>,
  };
  const main = await call('search_content', () => tools.search.invoke(searchArgs), tracedArgs);
  const structural = await call('list_blocks', () => tools.list.invoke(listArgs), listArgs);
  return { candidates: [...main, ...structural], toolCalls };
}
