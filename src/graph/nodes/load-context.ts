import type { Signal } from '../../compose/compose-schema.js';
import { CHANNELS, type Channel } from '../../content/block-schema.js';
import type { RunsRepo } from '../../store/runs-repo.js';
import type { SettingsRepo } from '../../store/settings-repo.js';
import { crisisSignals } from '../crisis-language.js';
import type { RunSecretsStore } from '../run-secrets.js';
import type { ComposeStateType, RunContext } from '../state.js';
import { traced } from '../step-record.js';

/** Channels the subject engaged with (opened, clicked) come first for `auto`. */
function engagementOrder(signals: Signal[]) {
  const score = new Map<string, number>();
  for (const s of signals) {
    const ch = s.data?.channel;
    if (typeof ch === 'string' && (s.type === 'message_opened' || s.type === 'message_clicked')) {
      score.set(ch, (score.get(ch) ?? 0) + (s.type === 'message_clicked' ? 2 : 1));
    }
  }
  return [...CHANNELS].sort((a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0));
}

export function createLoadContextNode(deps: { runs: RunsRepo; settings: SettingsRepo; secrets: RunSecretsStore }) {
  return traced('load_context', null, async (state: ComposeStateType) => {
    const req = state.request!;
    const settings = await deps.settings.get(req.program);
    const [sentInWindow, history] = await Promise.all([
      deps.runs.sentInWindow(req.subject.id, req.program, settings.frequencyWindowDays),
      deps.runs.history(req.subject.id, req.program, settings.frequencyWindowDays),
    ]);
    const consented = CHANNELS.filter((c) => req.subject.consents[c] === true);
    const preferred = engagementOrder(req.signals);
    const channelOrder: Channel[] =
      req.channel !== 'auto'
        ? [req.channel]
        : [...preferred.filter((c) => consented.includes(c)), ...preferred.filter((c) => !consented.includes(c))];
    const crisis = crisisSignals(deps.secrets.get(state.runId).signals);
    const context: RunContext = {
      consentedChannels: consented,
      channelOrder,
      sentInWindow,
      frequencyCap: settings.frequencyCap,
      windowDays: settings.frequencyWindowDays,
      recentBlockIds: history.recentMessages.flatMap((m) => m.blockIds),
      history,
      ...(crisis.length ? { escalation: `safety_escalation: signals ${crisis.map((i) => `[${i}]`).join(', ')}` } : {}),
    };
    return {
      update: { context },
      input: {
        program: req.program,
        audience: req.subject.audience,
        channel: req.channel,
        signals: req.signals.length,
      },
      output: {
        consentedChannels: consented,
        channelOrder,
        sentInWindow,
        frequencyCap: settings.frequencyCap,
        windowDays: settings.frequencyWindowDays,
        earlierMessages: history.recentMessages.length,
        escalation: context.escalation ?? null,
      },
    };
  });
}
