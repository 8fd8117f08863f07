import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { z } from 'zod';
import { LabelledCase, LabelledSafetyCase, toSafetySuiteCase, toSuiteCase } from './labelled-case.js';
import { displayPath, SuiteError } from './suite-error.js';
import { SuiteCase } from './suite-schema.js';
import { parseWith, readSource, type Source } from './suite-source.js';

/** A case as written, with the file and path it came from (for lines and relative fixtures). */
export type CaseRef = { raw: SuiteCase; src: Source; path: PropertyKey[] };

/** An included YAML file is a list of cases or `{cases, include}`; suite-wide settings belong to the root. */
const Fragment = z.strictObject({ include: z.array(z.string()).default([]), cases: z.array(SuiteCase).default([]) });

/**
 * A JSONL line is a suite case, a labelled barrier case of the held-out corpus (`barrier` + `signals`), or a
 * labelled safety case of the held-out safety set (`kinds` + `signals`, or `kinds` + one `text`).
 */
const labelled = (v: unknown, key: string) =>
  typeof v === 'object' && v !== null && key in v && ('signals' in v || (key === 'kinds' && 'text' in v));
function caseLines(src: Source): SuiteCase[] {
  const lines = Array.isArray(src.value) ? src.value : [];
  return lines.map((v, i) => {
    if (labelled(v, 'barrier')) return SuiteCase.parse(toSuiteCase(parseWith(LabelledCase, v, src, [i])));
    if (labelled(v, 'kinds')) return SuiteCase.parse(toSafetySuiteCase(parseWith(LabelledSafetyCase, v, src, [i])));
    return parseWith(SuiteCase, v, src, [i]);
  });
}

/** The cases of a file and its own includes; a JSONL file or a YAML list holds cases only. */
export function readCases(src: Source): { cases: CaseRef[]; include: string[] } {
  const asList = src.jsonl || Array.isArray(src.value);
  const base = asList ? [] : ['cases'];
  const { cases, include } = asList
    ? { cases: src.jsonl ? caseLines(src) : parseWith(z.array(SuiteCase), src.value, src), include: [] }
    : parseWith(Fragment, src.value, src);
  return { cases: cases.map((raw, i) => ({ raw, src, path: [...base, i] })), include };
}

async function expand(entry: string, dir: string): Promise<string[]> {
  if (isDynamicPattern(entry)) {
    const files = await glob(entry, { cwd: dir, absolute: true, onlyFiles: true, expandDirectories: false });
    return files.map((f) => resolve(f)).sort();
  }
  const file = resolve(dir, entry);
  return access(file).then(
    () => [file],
    () => [],
  );
}

/**
 * Every case reachable through `include` entries of `src`, depth first in file order. A file on the
 * current include chain is a cycle (an error); one already read by another branch is read once.
 */
export async function collectIncludes(
  src: Source,
  include: string[],
  chain: string[],
  seen: Set<string>,
): Promise<CaseRef[]> {
  const out: CaseRef[] = [];
  for (const [i, entry] of include.entries()) {
    const line = src.lineAt(['include', i]);
    const files = await expand(entry, dirname(src.file));
    if (files.length === 0) {
      const what = isDynamicPattern(entry) ? 'matches no files' : 'not found';
      throw new SuiteError(src.file, line, `include ${entry} ${what}`);
    }
    for (const file of files) {
      if (chain.includes(file)) {
        const loop = [...chain.slice(chain.indexOf(file)), file].map(displayPath).join(' → ');
        throw new SuiteError(src.file, line, `include cycle: ${loop}`);
      }
      if (seen.has(file)) continue;
      seen.add(file);
      const inner = await readSource(file);
      const { cases, include: nested } = readCases(inner);
      out.push(...cases, ...(await collectIncludes(inner, nested, [...chain, file], seen)));
    }
  }
  return out;
}
