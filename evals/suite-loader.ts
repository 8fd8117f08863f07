import { basename, dirname, extname, resolve } from 'node:path';
import { ComposeRequest } from '../src/domain/compose.js';
import type { AssertionFn } from './assertions/assertion-types.js';
import { ASSERTIONS, addPlugin } from './assertions/registry.js';
import { createFixtureReader } from './case-fixture.js';
import { deepMerge, substituteVars, UnknownVar } from './case-request.js';
import { displayPath, SuiteError } from './suite-error.js';
import { type CaseRef, collectIncludes, readCases } from './suite-includes.js';
import { type AssertionSpec, type LoadedCase, type LoadedSuite, SuiteFile } from './suite-schema.js';
import { parseWith, readSource, type Source } from './suite-source.js';

export { SuiteError } from './suite-error.js';

type Registry = Record<string, AssertionFn>;
type Defaults = SuiteFile['defaults'];

/** Each assertion must name a registered type with valid arguments, so a typo fails at load, at its line. */
function checkAssertions(specs: AssertionSpec[], registry: Registry, src: Source, base: PropertyKey[]): void {
  for (const [j, spec] of specs.entries()) {
    const path = [...base, j];
    const { type, name: _name, ...args } = spec;
    const fn = Object.hasOwn(registry, type) ? registry[type] : undefined;
    if (!fn) {
      const known = Object.keys(registry).join(', ');
      throw new SuiteError(
        src.file,
        src.lineAt([...path, 'type']),
        `unknown assertion type "${type}" (known: ${known})`,
      );
    }
    if (fn.args) parseWith(fn.args, args, src, path);
  }
}

/** A case's request: defaults under the fixture under the case, then its vars, then the contract's check. */
async function buildCase(ref: CaseRef, defaults: Defaults, fixture: ReturnType<typeof createFixtureReader>) {
  const { raw, src, path } = ref;
  const line = src.lineAt(path);
  const shared = raw.fixture ? await fixture(raw.fixture, src, [...path, 'fixture']) : undefined;
  let request: unknown;
  try {
    request = substituteVars(deepMerge(deepMerge(defaults.request, shared), raw.request), raw.vars);
  } catch (err) {
    if (err instanceof UnknownVar) throw new SuiteError(src.file, line, `case ${raw.id}: ${err.message}`);
    throw err;
  }
  parseWith(ComposeRequest, request, src, [...path, 'request']);
  const loaded: LoadedCase = {
    id: raw.id,
    ...(raw.description ? { description: raw.description } : {}),
    tags: [...new Set([...raw.tags, ...defaults.tags])],
    request,
    assert: [...raw.assert, ...defaults.assert],
    source: { file: src.file, ...(line === undefined ? {} : { line }) },
  };
  return loaded;
}

/** The root file: a suite (YAML/JSON), or a JSONL of cases named after its file. */
function readRoot(src: Source): { suite: SuiteFile; cases: CaseRef[] } {
  if (!src.jsonl && Array.isArray(src.value)) {
    throw new SuiteError(src.file, 1, 'a list of cases is a fragment to include; a suite is a mapping with a name');
  }
  if (!src.jsonl) {
    const suite = parseWith(SuiteFile, src.value, src);
    return { suite, cases: suite.cases.map((raw, i) => ({ raw, src, path: ['cases', i] })) };
  }
  const name = basename(src.file, extname(src.file));
  return { suite: SuiteFile.parse({ name }), cases: readCases(src).cases };
}

/** Loads a suite with every include, fixture, variable, default and plugin resolved and checked. */
export async function loadSuite(file: string): Promise<LoadedSuite> {
  const src = await readSource(resolve(file));
  const dir = dirname(src.file);
  const { suite, cases: own } = readRoot(src);
  const included = await collectIncludes(src, suite.include, [src.file], new Set([src.file]));
  const plugins = suite.plugins.map((p) => resolve(dir, p));
  const registry: Registry = { ...ASSERTIONS };
  for (const [i, plugin] of plugins.entries()) {
    await addPlugin(registry, plugin).catch((err: Error) => {
      throw new SuiteError(src.file, src.lineAt(['plugins', i]), err.message);
    });
  }
  checkAssertions(suite.defaults.assert, registry, src, ['defaults', 'assert']);
  const fixture = createFixtureReader();
  const firstSeen = new Map<string, LoadedCase['source']>();
  const cases: LoadedCase[] = [];
  for (const ref of [...own, ...included]) {
    checkAssertions(ref.raw.assert, registry, ref.src, [...ref.path, 'assert']);
    const loaded = await buildCase(ref, suite.defaults, fixture);
    const first = firstSeen.get(loaded.id);
    if (first) {
      const where = `${displayPath(first.file)}${first.line === undefined ? '' : `:${first.line}`}`;
      throw new SuiteError(
        loaded.source.file,
        loaded.source.line,
        `duplicate case id ${loaded.id} (first at ${where})`,
      );
    }
    firstSeen.set(loaded.id, loaded.source);
    cases.push(loaded);
  }
  const composed = await composeSuites(src, suite.suites, firstSeen);
  return {
    name: suite.name,
    ...(suite.description ? { description: suite.description } : {}),
    file: src.file,
    ...(suite.content ? { contentFile: resolve(dir, suite.content) } : {}),
    settings: { ...composed.settings, ...(suite.settings ?? {}) },
    thresholds: [...suite.thresholds, ...composed.thresholds],
    plugins: [...plugins, ...composed.plugins],
    cases: [...cases, ...composed.cases],
  };
}

/**
 * The suites a suite is made of, each loaded as it runs alone: its cases (marked with its name) and its
 * thresholds scoped to them. They must share a content library, and a case id may appear only once.
 */
async function composeSuites(src: Source, files: string[], seen: Map<string, LoadedCase['source']>) {
  const out = { cases: [] as LoadedCase[], thresholds: [] as LoadedSuite['thresholds'], plugins: [] as string[] };
  const settings: LoadedSuite['settings'] = {};
  for (const [i, file] of files.entries()) {
    const line = src.lineAt(['suites', i]);
    const sub = await loadSuite(resolve(dirname(src.file), file)).catch((err: Error) => {
      throw err instanceof SuiteError ? err : new SuiteError(src.file, line, `suite ${file}: ${err.message}`);
    });
    if (sub.contentFile) throw new SuiteError(src.file, line, `suite ${file} names its own content library`);
    for (const c of sub.cases) {
      const first = seen.get(c.id);
      if (first)
        throw new SuiteError(
          src.file,
          line,
          `suite ${file}: duplicate case id ${c.id} (first at ${displayPath(first.file)})`,
        );
      seen.set(c.id, c.source);
      out.cases.push({ ...c, suite: c.suite ?? sub.name });
    }
    out.thresholds.push(...sub.thresholds.map((t) => ({ ...t, suite: t.suite ?? sub.name })));
    out.plugins.push(...sub.plugins);
    Object.assign(settings, sub.settings);
  }
  return { ...out, settings };
}
