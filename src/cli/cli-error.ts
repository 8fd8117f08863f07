/** Exit codes: 0 done, 1 failed, 2 usage, 3 done but some input was rejected. */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}
