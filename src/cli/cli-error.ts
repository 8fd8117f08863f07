/**
 * Exit codes: 0 done, 1 failed, 2 usage, 3 done but some input was rejected, 4 an eval suite's threshold
 * did not hold, 5 an eval comparison found a case that passed and now fails.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, partial: 3, thresholds: 4, regression: 5 } as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message);
  }
}
