import type { Signal } from '../compose/compose-schema.js';

/** What a run may read but must never persist: the raw signals and the personal values seen. */
export type RunSecrets = { signals: Signal[]; personalValues: string[] };

/** In-memory only and per run: checkpoints and traces never see it; a held run no longer needs it. */
export class RunSecretsStore {
  private readonly byRun = new Map<string, RunSecrets>();
  put(runId: string, secrets: RunSecrets) {
    this.byRun.set(runId, secrets);
  }
  get(runId: string): RunSecrets {
    return this.byRun.get(runId) ?? { signals: [], personalValues: [] };
  }
  drop(runId: string) {
    this.byRun.delete(runId);
  }
}
