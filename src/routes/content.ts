import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/require-role.js';
import { assertKnownProgram } from '../content/known-program.js';
import { validateBlocks } from '../content/validate-blocks.js';
import { Barrier, Block, BlockKind, Channel } from '../domain/block.js';
import type { ContentRepo } from '../store/content-repo.js';
import type { RunsRepo } from '../store/runs-repo.js';
import { IMPORT_EXAMPLE } from './openapi-examples.js';
import { createRouter } from './openapi-hono.js';
import { authProblems, unknownProgramProblem } from './problem-schema.js';

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
  program: z.string().min(1).max(120).optional(),
  q: z.string().min(1).max(500).optional(),
  audience: z.string().min(1).max(40).optional(),
  channel: Channel.optional(),
  kind: BlockKind.optional(),
  locale: z.string().min(2).max(35).optional(),
  barrier: Barrier.optional(),
  at: z.iso.date().optional().openapi({ description: 'Judge the approval window on this day (default today).' }),
  includeUnusable: boolParam.optional().openapi({ description: 'List expired or not-yet-approved blocks too.' }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const importRoute = createRoute({
  method: 'post',
  operationId: 'importContent',
  path: '/import',
  tags: ['content'],
  summary: 'Import approved content blocks; each bad block is rejected on its own.',
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: ImportRequest, example: IMPORT_EXAMPLE } } },
  },
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
  operationId: 'listBlocks',
  path: '/blocks',
  tags: ['content'],
  summary: 'List blocks, or search them with q: relevant blocks only, best first.',
  description:
    'Search is hybrid (full-text and vector, fused by reciprocal rank) after the filters. Patient words reach content words through the synonym data (`copay`, `price`, `afford` → `cost`), and blocks that share no word with the search and are not close in meaning are left out, so fewer than `limit` may come back.',
  security: [{ bearer: [] }],
  middleware: [requireRole('strategist')] as const,
  request: { query: BlockQuery },
  responses: {
    200: {
      description: 'Blocks, best match first when searching.',
      content: { 'application/json': { schema: z.object({ blocks: z.array(StoredBlock), count: z.number().int() }) } },
    },
    ...authProblems,
    ...unknownProgramProblem,
  },
});

const gapsRoute = createRoute({
  method: 'get',
  operationId: 'listContentGaps',
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
      await assertKnownProgram(deps.content, q.program);
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
        ? await deps.content.search(q.q, { ...filter, relevantOnly: true })
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
