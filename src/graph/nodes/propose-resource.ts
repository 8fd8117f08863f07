import { renderBody } from '../../../agents/composer/render-body.js';
import { traced } from '../../../agents/traced.js';
import type { Channel, ContentBlock } from '../../domain/block.js';
import type { ToolCallRecord } from '../../domain/engines.js';
import type { ContentSource } from '../../domain/ports.js';
import type { RunState } from '../../domain/run-state.js';

/**
 * Crisis language gets no programme message: the only thing proposed is one approved block of kind
 * `resource` (crisis resources such as the 988 Suicide & Crisis Lifeline) of the subject's programme,
 * audience and locale, on the first channel that has one. A person decides whether and how to reach out.
 */
export function createProposeResourceNode(deps: { content: Pick<ContentSource, 'list'> }) {
  return traced('propose_resource', 'safety', async (state: RunState) => {
    const req = state.request!;
    const { locale, channelOrder } = state.context!;
    const toolCalls: ToolCallRecord[] = [];
    let chosen: { channel: Channel; block: ContentBlock } | undefined;
    for (const channel of channelOrder) {
      const args = { program: req.program, audience: req.subject.audience, channel, locale, kinds: ['resource'] };
      const startedAt = new Date().toISOString();
      const t0 = performance.now();
      const listed = (await deps.content.list({ ...args, limit: 20 })).filter((b) => b.usable);
      const ms = Math.round((performance.now() - t0) * 100) / 100;
      toolCalls.push({
        name: 'list_blocks',
        args,
        result: listed.map((b) => ({ id: b.id, kind: b.kind })),
        ms,
        startedAt,
      });
      const block = [...listed].sort((a, b) => a.text.length - b.text.length || a.id.localeCompare(b.id))[0];
      if (block) {
        chosen = { channel, block };
        break;
      }
    }
    const message = chosen
      ? {
          channel: chosen.channel,
          subject: null,
          body: renderBody([chosen.block.text], chosen.channel),
          blocks: [{ id: chosen.block.id, approvalCode: chosen.block.approval.code, version: chosen.block.version }],
        }
      : null;
    return {
      update: {
        message,
        channel: chosen?.channel ?? channelOrder[0] ?? null,
        usedBlocks: chosen ? [chosen.block] : [],
      },
      input: { locale, channels: channelOrder },
      output: { channel: message?.channel ?? null, blocks: message?.blocks ?? [] },
      report: { engine: 'offline', toolCalls, modelCalls: [] },
    };
  });
}
