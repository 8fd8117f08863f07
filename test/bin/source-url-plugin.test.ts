import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../src/bin/dist-manifest.js';
import { rewriteSourceUrls } from '../../src/bin/source-url-plugin.js';
import { REPO_ROOT } from '../support/cli.js';

const OUT = join(REPO_ROOT, 'dist', 'bundle');
/** import.meta.url as any file of the bundle sees it. */
const BUNDLE_FILE_URL = JSON.stringify(pathToFileURL(join(OUT, 'chunk-ABC.js')).href);
const REWRITTEN = /new URL\((?:[^()]|\([^()]*\))*?, new URL\("[^"]+", import\.meta\.url\)\)/g;

/** Each rewritten data URL of `text`, evaluated where a bundle file would evaluate it (`locale` in scope). */
function resolvedUrls(text: string): string[] {
  return [...text.matchAll(REWRITTEN)].map((m) => {
    const expr = m[0].replaceAll('import.meta.url', BUNDLE_FILE_URL);
    return (new Function('locale', `return ${expr}.pathname`) as (locale: string) => string)('en-US');
  });
}

describe('rewriteSourceUrls', () => {
  it('resolves string and template literals against the source file, from the bundle folder', () => {
    const file = join(REPO_ROOT, 'agents', 'safety', 'locale-files.ts');
    const text = rewriteSourceUrls(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text under test holds a template literal
      "const a = new URL('../data/', import.meta.url);\nconst b = new URL(`./cases/x.${locale}.jsonl`, import.meta.url);",
      file,
      OUT,
    );
    expect(resolvedUrls(text)).toEqual([
      `${join(REPO_ROOT, 'agents', 'data')}/`,
      join(REPO_ROOT, 'agents', 'safety', 'cases', 'x.en-US.jsonl'),
    ]);
  });

  it('leaves a bare import.meta.url alone (a module that finds its own sibling entry keeps the bundle file)', () => {
    const source = 'const own = fileURLToPath(import.meta.url);\nconst r = createRequire(import.meta.url);';
    expect(rewriteSourceUrls(source, join(REPO_ROOT, 'src', 'x.ts'), OUT)).toBe(source);
  });

  it("finds every data file the project's modules look up beside themselves", () => {
    const modules = sourceFiles(REPO_ROOT).filter((p) => /\.tsx?$/.test(p) && !p.endsWith('.d.ts'));
    const found: string[] = [];
    for (const path of modules) {
      const file = join(REPO_ROOT, path);
      const source = readFileSync(file, 'utf8');
      if (!source.includes('import.meta.url')) continue;
      found.push(...resolvedUrls(rewriteSourceUrls(source, file, OUT)));
    }
    // The demo library, compliance locales, search synonyms, safety, language and taxonomy data, suites.
    for (const expected of [
      'src/content/demo-library.yaml',
      'src/compliance/locales/',
      'src/content/search-synonyms.yaml',
      'agents/data/',
      'agents/data/lang/',
      'agents/data/bct-taxonomy.json',
      'evals/suites/',
      'package.json',
    ])
      expect(found).toContain(join(REPO_ROOT, expected));
    expect(found.filter((path) => !existsSync(path))).toEqual([]);
  });
});
