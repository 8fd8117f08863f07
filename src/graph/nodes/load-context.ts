import { traced } from '../../../agents/traced.js';
import { checkConsent } from '../../compliance/consent-rule.js';
import { CHANNELS, type Channel } from '../../domain/block.js';
import type { Signal } from '../../domain/compose.js';
import type { LearnerCountsSource, SubjectLearnerCounts } from '../../domain/learner-counts.js';
import { requestLocale } from '../../domain/locale.js';
import type { ProgramSettings, RunContextSource } from '../../domain/ports.js';
import type { RunContext, RunState } from '../../domain/run-state.js';
import { ANONYMOUS_PREFIX } from '../../domain/subject.js';
import { channelsOffLast, preferenceContext } from '../preference-context.js';

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

export function createLoadContextNode(deps: {
  /** The programme's settings and the subject's runs (and engagement), read together. */
  context: RunContextSource;
  /** Read the subject's engagement, for their own limits; without it the `preferences` rule has nothing to hold to. */
  engagement?: boolean;
  /** With learning shadow or on: the subject's own outcome and open counts. */
  learner?: LearnerCountsSource;
}) {
  /**
   * The subject's own outcome and open counts when the learner will need them (learning shadow or on, as the
   * programme's settings say); the frequency count comes from the history.
   */
  async function learnerCounts(
    subjectId: string,
    program: string,
    settings: ProgramSettings,
  ): Promise<SubjectLearnerCounts | undefined> {
    const learning = settings.learning && settings.learning !== 'off';
    if (!learning || !deps.learner || subjectId.startsWith(ANONYMOUS_PREFIX)) return undefined;
    return deps.learner.ownCounts(subjectId, program);
  }

  return traced('load_context', null, async (state: RunState) => {
    const req = state.request!;
    const read = await deps.context.read(req.subject.id, req.program, { engagement: deps.engagement === true });
    const { settings, sentInWindow, history } = read;
    const counts = await learnerCounts(req.subject.id, req.program, settings);
    const preferences = read.engagement ? preferenceContext(read.engagement, req, new Date()) : undefined;
    const consented = CHANNELS.filter((c) => req.subject.consents[c] === true);
    const preferred = channelsOffLast(engagementOrder(req.signals), req.subject.preferences?.channelsOff);
    const channelOrder: Channel[] =
      req.channel !== 'auto'
        ? [req.channel]
        : [...preferred.filter((c) => consented.includes(c)), ...preferred.filter((c) => !consented.includes(c))];
    const consent =
      channelOrder
        .map((channel) => checkConsent({ signals: req.signals, consents: req.subject.consents, channel }))
        .find((c) => c.passed) ??
      checkConsent({ signals: req.signals, consents: req.subject.consents, channel: channelOrder[0]! });
    const context: RunContext = {
      locale: requestLocale(req),
      consentedChannels: consented,
      channelOrder,
      sentInWindow,
      frequencyCap: settings.frequencyCap,
      windowDays: settings.frequencyWindowDays,
      recentBlockIds: history.recentMessages.flatMap((m) => m.blockIds),
      history,
      consent,
      ...(preferences ? { preferences } : {}),
      ...(settings.learning && settings.learning !== 'off' ? { learning: settings.learning } : {}),
      ...(counts ? { learnerCounts: counts } : {}),
      ...(settings.safetyReportHours ? { safetyReportHours: settings.safetyReportHours } : {}),
    };
    return {
      update: { context },
      input: {
        program: req.program,
        audience: req.subject.audience,
        locale: context.locale,
        channel: req.channel,
        signals: req.signals.length,
      },
      output: {
        locale: context.locale,
        consentedChannels: consented,
        channelOrder,
        sentInWindow,
        frequencyCap: settings.frequencyCap,
        windowDays: settings.frequencyWindowDays,
        earlierMessages: history.recentMessages.length,
        ...(preferences
          ? {
              engagement: preferences.engagement,
              informedChoice: preferences.informedChoice,
              preferences: Object.keys(preferences.preferences),
            }
          : {}),
      },
    };
  });
}
