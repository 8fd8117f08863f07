import type { Channel, ScoredBlock, StoredBlock } from './block.js';
import type { Signal } from './compose.js';
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

/** What agents, tools and rules read of the approved content (the store implements it). */
export interface ContentSource {
  search(query: string, filter: BlockFilter & { limit: number }): Promise<ScoredBlock[]>;
  list(filter: BlockFilter & { includeUnusable?: boolean; limit: number; offset?: number }): Promise<StoredBlock[]>;
  byIds(ids: string[]): Promise<StoredBlock[]>;
  /** Brand and programme names: content, never personal data. */
  contentTerms(): Promise<string[]>;
}

/** What a run reads of the subject's earlier runs. */
export interface RunHistorySource {
  sentInWindow(subjectId: string, program: string, windowDays: number): Promise<number>;
  history(subjectId: string, program: string, windowDays: number): Promise<SubjectHistory>;
}

/** Target behaviours and the window after a sent message in which one makes it `achieved` (ISO 8601 duration). */
export type OutcomeSettings = { targets: string[]; window: string };
export type ProgramSettings = {
  program: string;
  frequencyCap: number;
  frequencyWindowDays: number;
  outcomes?: OutcomeSettings | null;
  webhookUrl?: string | null;
};
export const DEFAULT_SETTINGS = { frequencyCap: 3, frequencyWindowDays: 7 };

export interface SettingsSource {
  get(program: string): Promise<ProgramSettings>;
}

/** What a run may read but must never persist: the raw signals and the personal values seen. */
export type RunSecrets = { signals: Signal[]; personalValues: string[] };
export interface RunSecretsReader {
  get(runId: string): RunSecrets;
}

export type Embedder = {
  /** Stored with each row so vectors from different embedders are never compared. */
  readonly name: string;
  embed(texts: string[]): Promise<number[][]>;
};

/** How the subject has been engaging lately, for their own limits (the `preferences` rule). */
export type Engagement = {
  /** Messages sent to the subject in the last 7 days, every programme included. */
  sentLast7Days: number;
  lastSentAt: string | null;
  /** The programme's latest sent messages in a row with no open, click, reply or target behaviour. */
  unansweredStreak: number;
  /** Messages of this programme sent since `since` (the informed choice), if asked. */
  sentSince: number;
};
export interface EngagementSource {
  engagement(subjectId: string, program: string, since?: string | null): Promise<Engagement>;
}
