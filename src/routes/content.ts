import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { validateBlocks } from '../content/validate-blocks.js';
import { Barrier, Block, BlockKind, Channel } from '../domain/block.js';
import type { ContentRepo } from '../store/content-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { createRouter } from './openapi-hono.js';
import { authProblems } from './problem-schema.js';

const ImportRequest = z
  .strictObject({
    blocks: z
      .array(z.unknown())
      .max(20_000)
      .openapi({ type: 'array', items: { $ref: '#/components/schemas/Block' } }),
  })
  .openapi('ImportRequest');

const ImportResult = z
  .object({
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(
      z.object({ id: z.string().nullable(), errors: z.array(z.object({ path: z.string(), message: z.string() })) }),
    ),
  })
  .openapi('ImportResult');

const StoredBlock = z
  .object({ version: z.number().int(), usable: z.boolean(), score: z.number().optional() })
  .and(Block)
  .openapi('StoredBlock');

const boolParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const BlockQuery = z.strictObject({
  program: z.string().min(1).optional(),
  q: z.string().min(1).max(500).optional(),
  audience: z.string().min(1).optional(),
  channel: Channel.optional(),
  kind: BlockKind.optional(),
  locale: z.string().min(2).optional(),
  barrier: Barrier.optional(),
  at: z.iso.date().optional().openapi({ description: 'Judge the approval window on this day (default today).' }),
  includeUnusable: boolParam.optional().openapi({ description: 'List expired or not-yet-approved blocks too.' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const importRoute = createRoute({
  method: 'post',
  path: '/import',
  tags: ['content'],
  summary: 'Import approved content blocks; each bad block is rejected on its own.',
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ImportRequest } } } },
  responses: {
    200: {
      description: 'What was imported, updated and rejected.',
      content: { 'application/json': { schema: ImportResult } },
    },
    ...authProblems,
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/blocks',
  tags: ['content'],
  summary: 'List blocks, or search them (hybrid vector + full-text) with q.',
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: { query: BlockQuery },
  responses: {
    200: {
      description: 'Blocks, best match first when searching.',
      content: { 'application/json': { schema: z.object({ blocks: z.array(StoredBlock), count: z.number().int() }) } },
    },
    ...authProblems,
  },
});

const gapsRoute = createRoute({
  method: 'get',
  path: '/gaps',
  tags: ['content'],
  summary:
    'Where composes found no approved block for the barrier in the subject’s locale: counts per programme × barrier × channel × locale.',
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  responses: {
    200: {
      description: 'Content gaps, most frequent first.',
      content: {
        'application/json': {
          schema: z.object({
            gaps: z.array(
              z.object({
                program: z.string(),
                barrier: z.string(),
                channel: z.string(),
                locale: z.string(),
                count: z.number().int(),
                lastSeen: z.string(),
              }),
            ),
          }),
        },
      },
    },
    ...authProblems,
  },
});

export function contentRoutes(deps: { content: ContentRepo; runs: RunsRepo }) {
  return createRouter()
    .openapi(importRoute, async (c) => {
      const { blocks } = c.req.valid('json');
      const { valid, rejected } = validateBlocks(blocks.map((value) => ({ value })));
      const counts = await deps.content.importBlocks(valid);
      c.get('logger').info({ ...counts, rejected: rejected.length }, 'content imported');
      return c.json({ ...counts, rejected: rejected.map(({ id, errors }) => ({ id, errors })) }, 200);
    })
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const filter = {
        program: q.program,
        audience: q.audience,
        channel: q.channel,
        kinds: q.kind ? [q.kind] : undefined,
        locale: q.locale,
        barrier: q.barrier,
        at: q.at,
        limit: q.limit,
      };
      const blocks = q.q
        ? await deps.content.search(q.q, filter)
        : await deps.content.list({ ...filter, includeUnusable: q.includeUnusable, offset: q.offset });
      return c.json({ blocks, count: blocks.length }, 200);
    })
    .openapi(gapsRoute, async (c) => {
      const gaps = (await deps.runs.contentGaps()).map(({ last_seen, ...g }) => ({
        ...g,
        lastSeen: last_seen.toISOString(),
      }));
      return c.json({ gaps }, 200);
    });
}
