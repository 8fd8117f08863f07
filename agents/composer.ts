import { fail } from '../src/compliance/rule-result.js';
import type { Channel, ContentBlock } from '../src/domain/block.js';
import type { Message } from '../src/domain/compose.js';
import type { AgentReport, ModelCallRecord, SelectionEngine, ToolCallRecord } from '../src/domain/engines.js';
import { freeTexts } from '../src/domain/free-text.js';
import type { RunSecretsReader } from '../src/domain/ports.js';
import type { RunState } from '../src/domain/run-state.js';
import { renderBody } from './composer/render-body.js';
import { type ContentTools, retrieveCandidates } from './composer/retrieve-candidates.js';
import { acknowledgementBlocks, owesAcknowledgement, withoutTopicsOff } from './composer/subject-limits.js';
import { modelCallsLeft } from './model-budget.js';
import { traced } from './traced.js';
import { withFallback } from './with-fallback.js';

export type ComposerDeps = {
  tools: ContentTools;
  offline: SelectionEngine;
  model?: SelectionEngine;
  /** Below this diagnosis confidence an approved clarifying question is proposed instead of guessing. */
  clarifyBelow: number;
  /** Run memory, for the run's model time. */
  secrets?: RunSecretsReader;
};

type Attempt = { channel: Channel; blocks: ContentBlock[]; report: AgentReport };

function toMessage(channel: Channel, blocks: ContentBlock[]): Message {
  return {
    channel,
    subject: null,
    body: renderBody(
      blocks.map((b) => b.text),
      channel,
    ),
    blocks: blocks.map((b) => ({ id: b.id, approvalCode: b.approval.code, version: b.version })),
  };
}

/**
 * The composer: retrieves usable blocks through the content tools and selects them (offline rules or
 * a model choosing ids); the body is only ever the selected blocks' verbatim text.
 */
export function createAssembleNode(deps: ComposerDeps) {
  return traced('assemble_message', 'composer', async (state: RunState) => {
    const req = state.request!;
    const diagnosis = state.diagnosis!;
    const strategy = state.strategy!;
    const revising = state.round > 0 && state.channel !== null;
    const faults = revising ? state.checks.filter((c) => !c.passed) : [];
    const channels = revising ? [state.channel!] : state.context!.channelOrder;
    const toolCalls: ToolCallRecord[] = [];
    // Every attempt's model calls and first fallback count, not just the chosen attempt's.
    const modelCalls: ModelCallRecord[] = [];
    let fallback: string | undefined;
    const lowConfidence = diagnosis.confidence < deps.clarifyBelow;
    // Only blocks of the subject's locale are ever candidates: a message is never sent in another language.
    const locale = state.context!.locale;

    const attempt = async (channel: Channel, clarify: boolean): Promise<Attempt | undefined> => {
      const where = { program: req.program, audience: req.subject.audience, channel, locale };
      const words = freeTexts(req.signals)
        .map((t) => t.text)
        .join(' ');
      if (owesAcknowledgement(state)) {
        const ack = await acknowledgementBlocks(deps.tools, where);
        toolCalls.push(...ack.toolCalls);
        return ack.blocks.length
          ? { channel, blocks: ack.blocks, report: { engine: 'offline', toolCalls: [], modelCalls: [] } }
          : undefined;
      }
      const retrieved = await retrieveCandidates(deps.tools, where, diagnosis, strategy, words);
      toolCalls.push(...retrieved.toolCalls);
      const candidates = withoutTopicsOff(retrieved.candidates, state);
      const input = {
        diagnosis,
        strategy,
        channel,
        candidates,
        locale,
        faults,
        recentBlockIds: state.context!.recentBlockIds,
        clarify,
        preferredBlockId: state.context!.preferredBlockId,
        modelTime: deps.secrets?.get(state.runId).modelTime,
      };
      const model = modelCallsLeft(state.steps, modelCalls.length) > 0 ? deps.model : undefined;
      const { blockIds, report } = await withFallback(model && (() => model.select(input)), () =>
        deps.offline.select(input),
      );
      modelCalls.push(...report.modelCalls);
      fallback ??= report.fallback;
      const byId = new Map(candidates.map((b) => [b.id, b]));
      const blocks = blockIds.map((id) => byId.get(id)).filter((b): b is ContentBlock => b !== undefined);
      return blocks.length ? { channel, blocks, report } : undefined;
    };

    let chosen: Attempt | undefined;
    for (const channel of channels) {
      chosen = await attempt(channel, lowConfidence);
      if (chosen) break;
    }
    let holdReason = state.holdReason;
    let contentGap = state.contentGap;
    // Consent was settled before content (load_context): with no consented channel to try, nothing can be
    // sent, so the run is blocked on consent rather than held for a content gap nobody could use.
    const consent = state.context!.consent;
    const consentBlocked = !chosen && !consent.passed;
    // An informed choice with no approved way to say so: the programme stays silent rather than persuade.
    const silentChoice = !chosen && owesAcknowledgement(state);
    if (!chosen && !revising && !consentBlocked && !silentChoice) {
      // No block of the subject's locale addresses this barrier here: the run counts the gap (per locale), and
      // offers an approved clarifying question of that locale, if there is one.
      contentGap = { barrier: diagnosis.barrier, channel: channels[0]!, locale };
      holdReason = `content_gap: no usable ${locale} block for ${diagnosis.barrier} on ${channels.join(', ')}`;
      for (const channel of channels) {
        chosen = await attempt(channel, true);
        if (chosen) break;
      }
    }
    const message = chosen ? toMessage(chosen.channel, chosen.blocks) : null;
    const report: AgentReport = chosen?.report ?? { engine: 'offline', toolCalls: [], modelCalls: [] };
    return {
      update: {
        message,
        channel: chosen?.channel ?? channels[0] ?? null,
        usedBlocks: chosen?.blocks ?? [],
        holdReason,
        contentGap,
        ...(consentBlocked ? { checks: [consent] } : {}),
        ...(silentChoice && !consentBlocked
          ? {
              checks: [
                fail('preferences', 'the subject made an informed choice to stop; no approved block says so', false),
              ],
            }
          : {}),
      },
      input: {
        barrier: diagnosis.barrier,
        locale,
        techniques: strategy.techniques.map((t) => t.code),
        channels,
        round: state.round,
        faults: faults.map((f) => ({ rule: f.rule, blockIds: f.blockIds ?? [] })),
        clarify: lowConfidence,
      },
      output: { channel: message?.channel ?? null, blocks: message?.blocks ?? [], holdReason },
      report: {
        ...report,
        toolCalls: [...toolCalls, ...report.toolCalls],
        modelCalls,
        ...(fallback ? { fallback } : {}),
      },
    };
  });
}
