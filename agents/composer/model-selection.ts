import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { buildSelectionPrompt, SELECTION_TOOL } from '../../prompts/selection-prompt.js';
import { DEFAULT_CHANNEL_LIMITS } from '../../src/compliance/channel-limits.js';
import type { Channel } from '../../src/domain/block.js';
import type { SelectionEngine } from '../../src/domain/engines.js';
import { ModelCallLog } from '../model/chat-model.js';
import type { ModelGuard } from '../model/model-guard.js';
import { readStructured } from '../model/structured-answer.js';

/** A message is a handful of blocks; more ids than that is not a selection. */
const Selection = z.object({ blockIds: z.array(z.string()).min(1).max(8) });

const selectTool = {
  name: SELECTION_TOOL,
  description: 'Submit the ids of the chosen approved blocks, in the order the message shows them.',
  schema: Selection,
};

/**
 * The model engine of the composer: one call in which the model picks block ids through a tool. It
 * never writes text — the composer renders the chosen blocks' approved text — and an id outside the
 * candidates (or a repeated one) is a failure, so the offline selection answers instead.
 */
export function createModelSelectionEngine(
  model: ChatOpenAI,
  guard?: ModelGuard,
  limits: Record<Channel, number> = DEFAULT_CHANNEL_LIMITS,
): SelectionEngine {
  return {
    name: 'model',
    async select(input) {
      const excluded = new Set(input.faults.flatMap((f) => f.blockIds ?? []));
      const usable = input.candidates.filter(
        (b) =>
          b.channels.includes(input.channel) &&
          !excluded.has(b.id) &&
          (input.locale === undefined || b.locale === input.locale),
      );
      // Nothing to choose from: no call to spend, the composer moves on.
      if (usable.length === 0) return { blockIds: [], report: { engine: 'model', toolCalls: [], modelCalls: [] } };

      const log = new ModelCallLog(model.model, guard);
      const prompt = buildSelectionPrompt({ ...input, candidates: usable }, limits[input.channel]);
      const runnable = model.bindTools([selectTool], { tool_choice: SELECTION_TOOL });
      const messages = [new SystemMessage(prompt.system), new HumanMessage(prompt.user)];
      const answer = await log.invoke(runnable, messages, input.modelTime);
      const read = readStructured(answer, SELECTION_TOOL, Selection);
      if (!read.ok) throw log.failure(read.reason);

      const ids = read.value.blockIds;
      const known = new Set(usable.map((b) => b.id));
      if (!ids.every((id) => known.has(id)))
        throw log.failure('invalid output: a chosen id is not among the candidates');
      if (new Set(ids).size !== ids.length) throw log.failure('invalid output: a block was chosen twice');
      return { blockIds: ids, report: { engine: 'model', toolCalls: [], modelCalls: log.calls } };
    },
  };
}
