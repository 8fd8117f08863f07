import { isAbsolute, relative } from 'node:path';

/** A path as a strategist's terminal and editor show it: relative to where they ran the command. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * A suite that cannot be loaded. The message starts `file:line:` (or `file:` when no line is
 * known) so editors and CI logs link to the spot; `file` and `line` are kept for API answers.
 */
export class SuiteError extends Error {
  override name = 'SuiteError';
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(`${displayPath(file)}:${line === undefined ? '' : `${line}:`} ${detail}`);
  }
}
