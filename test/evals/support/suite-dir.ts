import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes `files` (path → text, or lines joined by newlines) into a fresh directory and returns it. */
export async function suiteDir(files: Record<string, string | string[]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'nof1-suite-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), Array.isArray(text) ? `${text.join('\n')}\n` : text);
  }
  return dir;
}

/** The top of a valid suite: a name and a request every case can build on. */
export const HEAD = [
  'name: demo',
  'defaults:',
  '  request:',
  '    program: lumenzo-adherence',
  '    subject: {id: s-1, audience: patient, consents: {sms: true}}',
];
