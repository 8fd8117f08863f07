// Module hooks for a child process under test: every module URL it resolves is appended to a file, one a
// line, so a test can say which packages a start loaded. Synchronous appends: the hooks run on their own
// thread, and a file (unlike a pipe nobody reads yet) never blocks.
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(file, `${resolved.url}\n`);
  return resolved;
}
