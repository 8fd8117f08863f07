import type { RunSecrets } from '../domain/ports.js';

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
