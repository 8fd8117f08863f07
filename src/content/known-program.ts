import { Unprocessable } from '../domain/errors.js';

export type ProgramSource = { programs(): Promise<string[]> };

/**
 * A programme named by a client must be one the content library has blocks for: otherwise every answer
 * would be an empty "content gap", which reads as if the programme existed. The answer names the known ones.
 */
export async function assertKnownProgram(source: ProgramSource, program: string | undefined, path = 'program') {
  if (program === undefined) return;
  const known = await source.programs();
  if (known.includes(program)) return;
  const list = known.length ? known.join(', ') : 'none yet (import content first)';
  // The name sent is not echoed: it is the client's own text, and the client knows what it sent.
  throw new Unprocessable(`unknown program; known programmes: ${list}`, [
    { path, message: `not a known programme (known: ${list})` },
  ]);
}
