import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import { BlockKind, Channel } from '../src/domain/block.js';
import type { ContentSource } from '../src/domain/ports.js';

const Where = z.object({
  program: z.string(),
  audience: z.string(),
  channel: Channel,
  locale: z.string().optional(),
});

/** Hybrid search over usable blocks that address one barrier, filtered before ranking. */
export function createSearchContentTool(repo: ContentSource) {
  return tool(
    async (args) =>
      repo.search(args.query, {
        program: args.program,
        audience: args.audience,
        channel: args.channel,
        locale: args.locale,
        barrier: args.barrier,
        limit: args.limit,
      }),
    {
      name: 'search_content',
      description:
        'Search MLR-approved content blocks usable today for a programme, audience and channel that address a barrier.',
      schema: Where.extend({ query: z.string().min(1), barrier: z.string(), limit: z.number().int().min(1).max(50) }),
    },
  );
}

/** Lists usable blocks of structural kinds (greeting, call to action, ISI, question) for a channel. */
export function createListBlocksTool(repo: ContentSource) {
  return tool(
    async (args) =>
      repo.list({
        program: args.program,
        audience: args.audience,
        channel: args.channel,
        locale: args.locale,
        kinds: args.kinds,
        limit: 100,
      }),
    {
      name: 'list_blocks',
      description: 'List usable MLR-approved blocks of the given kinds for a programme, audience and channel.',
      schema: Where.extend({ kinds: z.array(BlockKind).min(1) }),
    },
  );
}
