import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { describeFault, findInputFault } from '../src/domain/unstorable-input.js';
import { formatIssue } from './format-issue.js';
import { SuiteError } from './suite-error.js';

type Path = ReadonlyArray<PropertyKey>;

/** A parsed suite, fragment or fixture file that can say on which line a value (or a key of it) sits. */
export type Source = {
  file: string;
  jsonl: boolean;
  value: unknown;
  lineAt(path: Path, key?: string): number | undefined;
};

const YAML_EXTS = new Set(['.yaml', '.yml', '.json']);

export async function readSource(file: string): Promise<Source> {
  const ext = extname(file).toLowerCase();
  if (ext !== '.jsonl' && !YAML_EXTS.has(ext)) throw new SuiteError(file, undefined, `unsupported file type ${ext}`);
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new SuiteError(file, undefined, `cannot read: ${err.code ?? err.message}`);
  });
  return ext === '.jsonl' ? readJsonl(file, text) : readYaml(file, text);
}

/** One case per non-blank line; a case's every issue points at its own line. */
function readJsonl(file: string, text: string): Source {
  const lines: number[] = [];
  const value: unknown[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (err) {
      throw new SuiteError(file, i + 1, `invalid JSON: ${(err as Error).message}`);
    }
    const fault = findInputFault(parsed);
    if (fault) throw new SuiteError(file, i + 1, `${fault.path} ${describeFault(fault)}`);
    value.push(parsed);
    lines.push(i + 1);
  }
  return { file, jsonl: true, value, lineAt: (path) => lines[Number(path[0])] };
}

// An alias may stand for a whole subtree: a few lines of aliases of aliases expand to billions of nodes.
const MAX_ALIAS_COUNT = 50;

/** Parses YAML text, any failure of the parser itself (an alias bomb, nesting it cannot follow) a SuiteError. */
function parseYaml(file: string, text: string) {
  const counter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: true });
    if (doc.errors.length) return { doc, counter, value: undefined };
    return { doc, counter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (err) {
    const why = err instanceof ReferenceError ? 'too many aliases' : 'too complex to read';
    throw new SuiteError(file, undefined, `invalid YAML: ${why}`);
  }
}

/** YAML (JSON is YAML too), keeping the document so issues map back to lines. */
function readYaml(file: string, text: string): Source {
  const { doc, counter, value } = parseYaml(file, text);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0].line;
    throw new SuiteError(
      file,
      line,
      `invalid YAML: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`,
    );
  }
  // Text the store cannot hold (a NUL from a "\0" escape) or nesting past the limit is refused here.
  const fault = findInputFault(value);
  if (fault) throw new SuiteError(file, undefined, `${fault.path} ${describeFault(fault)}`);
  return { file, jsonl: false, value, lineAt: (path, key) => yamlLine(doc, counter, path, key) };
}

/** The line of the deepest node on `path` that exists, or of `key` inside it (an unknown field). */
function yamlLine(doc: Document, counter: LineCounter, path: Path, key?: string): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (!isNode(node) || !node.range) continue;
    const pair =
      key && n === path.length && isMap(node)
        ? node.items.find((p) => isScalar(p.key) && p.key.value === key)
        : undefined;
    const at = isNode(pair?.key) && pair.key.range ? pair.key.range[0] : node.range[0];
    return counter.linePos(at).line;
  }
  return undefined;
}

/** Parses `value` (found at `base` in `src`) or throws `file:line: path: message` for the first issue. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, src: Source, base: Path = []): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = [...base, ...issue.path];
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  // A JSONL line is one case: its index among the lines says nothing the line number does not.
  const shown = src.jsonl ? path.slice(1) : path;
  throw new SuiteError(src.file, src.lineAt(path, key), `${formatIssue({ ...issue, path: shown })}${more}`);
}
