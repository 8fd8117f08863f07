import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { SuiteError } from './suite-error.js';
import { parseWith, readSource, type Source } from './suite-source.js';

/** A reusable part of a compose request: who the subject is and what they did. */
const Fixture = z.strictObject({
  subject: z.record(z.string(), z.unknown()).optional(),
  signals: z.array(z.unknown()).optional(),
});
export type Fixture = z.infer<typeof Fixture>;

async function read(file: string): Promise<Fixture> {
  const src = await readSource(file);
  return parseWith(Fixture, src.value, src);
}

/** Reads each fixture once per load however many cases name it; `name` is relative to the naming file. */
export function createFixtureReader() {
  const cache = new Map<string, Promise<Fixture>>();
  return async (name: string, namedIn: Source, at: PropertyKey[]): Promise<Fixture> => {
    const file = resolve(dirname(namedIn.file), name);
    const exists = await access(file).then(
      () => true,
      () => false,
    );
    if (!exists) throw new SuiteError(namedIn.file, namedIn.lineAt(at), `fixture ${name} not found`);
    const cached = cache.get(file);
    if (cached) return cached;
    const fixture = read(file);
    cache.set(file, fixture);
    return fixture;
  };
}
