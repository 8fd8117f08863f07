import type { Channel, StoredBlock } from './block.js';
import type { Check, Message, Signal } from './compose.js';
import type { Engagement } from './engagement.js';
import type { Preferences } from './subject.js';

/** The subject's own limits and how they have engaged, as the `preferences` rule reads them. */
export type PreferenceContext = {
  preferences: Preferences;
  timezone?: string;
  /** The run's time (ISO 8601). */
  now: string;
  engagement: Engagement;
  /** Set when the subject made an informed choice to stop: whether the programme has already said so. */
  informedChoice: { acknowledged: boolean } | null;
};

/** Everything a rule may look at; rules are pure and never call a model or the store. */
export type ComplianceContext = {
  program: string;
  audience: string;
  /** The subject's locale (canonical BCP 47): every block must be of it, and text rules read in it. */
  locale: string;
  channel: Channel;
  consents: Record<string, boolean>;
  signals: Signal[];
  message: Message;
  /** The blocks the message lists, as stored now (usable flag judged on `today`). */
  blocks: StoredBlock[];
  /**
   * Usable ISI blocks of the programme for this channel, audience and locale, for fair balance; read only when
   * a claim travels without its ISI (`needsIsiBlocks`), empty otherwise (no rule looks at them then).
   */
  isiBlocks: StoredBlock[];
  today: string;
  frequency: { sentInWindow: number; cap: number; windowDays: number };
  /** Personal values seen in the request (subject fields, identifiers found in free text). */
  personalValues: string[];
  channelLimits: Record<Channel, number>;
  /** Absent where no subject profile or engagement is known (the rule then has nothing to hold to). */
  preferences?: PreferenceContext;
};

export type RuleResult = Check & {
  /** Blocks at fault, so a revision can swap them out. */
  blockIds?: string[];
  /** Whether choosing other approved blocks could fix it. */
  fixable: boolean;
};

export type Rule = { name: string; check(ctx: ComplianceContext): RuleResult };
