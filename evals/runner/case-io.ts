import type { ComposeAnswer, ComposeRequest } from '../../src/domain/compose.js';
import type { BlockInfo } from '../assertions/assertion-types.js';
import type { CaseInputLine, CaseOutput } from './run-types.js';

const WORDS = ['text', 'answer', 'question', 'message', 'note', 'comment'];

/**
 * The case's signals as a report shows them: the words a person wrote (chat text, survey answers), or the
 * signal's data. This is the suite's own text (written for the suite), not a client's request.
 */
export function caseInput(request: ComposeRequest): CaseInputLine[] {
  return request.signals.map((s, i) => {
    const data = s.data ?? {};
    const words = WORDS.flatMap((k) =>
      typeof data[k] === 'string' ? [`${k === 'question' ? 'Q: ' : ''}${data[k]}`] : [],
    );
    const rest = Object.entries(data).filter(([k]) => !WORDS.includes(k));
    const text = [...words, ...(rest.length ? [JSON.stringify(Object.fromEntries(rest))] : [])].join(' · ');
    return { signal: i + 1, type: s.type, text };
  });
}

/** The message the case produced with its blocks' texts, where the library can be read. */
export async function caseOutput(
  answer: ComposeAnswer,
  blockInfo?: (ids: string[]) => Promise<BlockInfo[]>,
): Promise<CaseOutput> {
  const m = answer.message;
  if (!m) return null;
  const known = new Map((blockInfo ? await blockInfo(m.blocks.map((b) => b.id)) : []).map((b) => [b.id, b]));
  return {
    channel: m.channel,
    body: m.body,
    blocks: m.blocks.map((b) => ({ id: b.id, approvalCode: b.approvalCode, text: known.get(b.id)?.text ?? null })),
  };
}
