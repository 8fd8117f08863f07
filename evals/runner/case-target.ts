import type { ComposeAnswer, ComposeRequest } from '../../src/compose/compose-schema.js';

/** What one compose call produced: the answer, its trace when it could be read, and how long it took. */
export type ComposeCall = { answer: ComposeAnswer; trace?: unknown; latencyMs: number };

export type BlockInfo = { id: string; kind: string; requiresIsi: boolean };

/** Where cases run: a fresh in-process stack, or a running service over HTTP. The runner does not know which. */
export type CaseTarget = {
  mode: 'in-process' | 'http';
  compose(request: ComposeRequest): Promise<ComposeCall>;
  /** Block kinds and ISI needs by id (fair-balance checks), looked up where the blocks live. */
  blockInfo(program: string): ((ids: string[]) => Promise<BlockInfo[]>) | undefined;
  close(): Promise<void>;
};

/** A case that could not run (bad request, HTTP error): reported as the case's error, never a crash of the run. */
export class CaseError extends Error {}
