import type { LoadedSuite } from '../suite-schema.js';
import type { RunProgress, SuiteRunResult } from './run-types.js';

/** What the API process asks of an eval child, and what the child answers: plain, structured-cloneable data. */
export type ChildRequest =
  | {
      type: 'run';
      suite: LoadedSuite;
      options: { filterTags?: string[]; repeat?: number; concurrency?: number };
      env: Record<string, string | undefined>;
    }
  | { type: 'abort' };

export type ChildReply =
  | { type: 'progress'; progress: RunProgress }
  | { type: 'result'; result: SuiteRunResult }
  | { type: 'error'; message: string };
