import { z } from '@hono/zod-openapi';
import type { Message } from '../domain/compose.js';

/** A block of a message with the text it carried, so a reviewer reads each block beside its id. */
export const BlockText = z
  .object({
    id: z.string(),
    version: z.number().int().nullable(),
    approvalCode: z.string(),
    kind: z.string().nullable(),
    text: z.string().nullable().openapi({ description: 'null when the block is not in the library any more' }),
  })
  .openapi('BlockText');
export type BlockText = z.infer<typeof BlockText>;

type TextSource = {
  versionTexts(
    refs: Array<{ id: string; version?: number }>,
  ): Promise<
    Array<{ id: string; asked: number | null; version: number | null; kind: string | null; text: string | null }>
  >;
};

/** Each message's blocks with their texts, in message order, read in one query for all the messages. */
export async function blockTextsOf(content: TextSource, messages: Array<Message | null>): Promise<BlockText[][]> {
  const refs = messages.flatMap((m) => m?.blocks ?? []);
  const texts = await content.versionTexts(refs.map((b) => ({ id: b.id, version: b.version })));
  const key = (id: string, version: number | null | undefined) => `${id}@${version ?? ''}`;
  const byRef = new Map(texts.map((t) => [key(t.id, t.asked), t]));
  return messages.map((m) =>
    (m?.blocks ?? []).map((b) => {
      const t = byRef.get(key(b.id, b.version));
      return {
        id: b.id,
        version: t?.version ?? b.version ?? null,
        approvalCode: b.approvalCode,
        kind: t?.kind ?? null,
        text: t?.text ?? null,
      };
    }),
  );
}
