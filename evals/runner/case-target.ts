import type { ComposeAnswer, ComposeRequest } from '../../src/domain/compose.js';
import type { BlockInfo } from '../assertions/assertion-types.js';

/** What one compose call produced: the answer, its trace when it could be read, and how long it took. */
type ComposeCall = { answer: ComposeAnswer; trace?: unknown; latencyMs: number };

/** Where cases run: a fresh in-process stack, or a running service over HTTP. The runner does not know which. */
export type CaseTarget = {
  mode: 'in-process' | 'http';
  compose(request: ComposeRequest): Promise<ComposeCall>;
  /** Block facts by id (fair_balance, no_pii), looked up where the blocks live; undefined where unreadable. */
  blockInfo(program: string): Promise<((ids: string[]) => Promise<BlockInfo[]>) | undefined>;
  /** Brand and programme names of the library, never taken for a case's personal values. */
  contentTerms(program: string): Promise<string[]>;
  close(): Promise<void>;
};

/** A case that could not run (bad request, HTTP error): reported as the case's error, never a crash of the run. */
export class CaseError extends Error {}
