import type { Channel, ScoredBlock, StoredBlock } from './block.js';
import type { Signal } from './compose.js';
import type { Engagement } from './engagement.js';
import type { ModelTime } from './engines.js';
import type { SubjectHistory } from './history.js';

/** The filters every content read applies before anything is ranked. */
export type BlockFilter = {
  program?: string;
  audience?: string;
  channel?: Channel;
  kinds?: string[];
  locale?: string;
  barrier?: string;
  /** The day the approval window is judged on (YYYY-MM-DD); today when absent. */
  at?: string;
};

/**
 * A search's size and kind. `relevantOnly` is a person's search (the API, the CLI): patient words are
 * widened to content words by the synonym data, and blocks that match neither the words nor closely in
 * meaning are left out, so fewer than `limit` may come back. Without it every filtered block is ranked.
 */
export type SearchOptions = BlockFilter & { limit: number; relevantOnly?: boolean };

/** What agents, tools and rules read of the approved content (the store implements it). */
export interface ContentSource {
  search(query: string, filter: SearchOptions): Promise<ScoredBlock[]>;
  list(filter: BlockFilter & { includeUnusable?: boolean; limit: number; offset?: number }): Promise<StoredBlock[]>;
  byIds(ids: string[]): Promise<StoredBlock[]>;
  /** Brand and programme names: content, never personal data. */
  contentTerms(): Promise<string[]>;
}

/** Target behaviours and the window after a sent message in which one makes it `achieved` (ISO 8601 duration). */
export type OutcomeSettings = { targets: string[]; window: string };
/** Whether the strategy follows the design table (`off`), records the learner's choice beside it (`shadow`), or follows the learner (`on`). */
export const LEARNING_MODES = ['off', 'shadow', 'on'] as const;
export type LearningMode = (typeof LEARNING_MODES)[number];
export type ProgramSettings = {
  program: string;
  frequencyCap: number;
  frequencyWindowDays: number;
  outcomes?: OutcomeSettings | null;
  webhookUrl?: string | null;
  learning?: LearningMode;
  /** Hours to report an adverse event or product complaint; at most (and by default) 24. */
  safetyReportHours?: number | null;
};
export const DEFAULT_SETTINGS = { frequencyCap: 3, frequencyWindowDays: 7, learning: 'off' as LearningMode };

export interface SettingsSource {
  get(program: string): Promise<ProgramSettings>;
}

/**
 * What a run may read but must never persist: the raw signals and the personal values seen, and the
 * run's model time (which every model call of the run shares).
 */
export type RunSecrets = { signals: Signal[]; personalValues: string[]; modelTime?: ModelTime };
export interface RunSecretsReader {
  get(runId: string): RunSecrets;
}

export type Embedder = {
  /** Stored with each row so vectors from different embedders are never compared. */
  readonly name: string;
  embed(texts: string[]): Promise<number[][]>;
};

/** What a run reads of the store before it composes: one round trip. */
export type RunContextRead = {
  settings: ProgramSettings;
  /** Messages sent to the subject in the programme's frequency window. */
  sentInWindow: number;
  /** What the subject's runs created in that window say (ids, times and codes only). */
  history: SubjectHistory;
  /** Only when asked: the subject's engagement, for their own limits. */
  engagement?: Engagement;
};

export interface RunContextSource {
  /** The programme's settings, the subject's runs in the settings' frequency window and, if asked, engagement. */
  read(subjectId: string, program: string, opts: { engagement: boolean }): Promise<RunContextRead>;
}
