import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, SuiteError } from '../../evals/suite-loader.js';
import { HEAD, suiteDir } from './support/suite-dir.js';

/** The message of the SuiteError loading `files`'s suite.yaml throws. */
async function loadError(files: Record<string, string | string[]>, root = 'suite.yaml'): Promise<string> {
  const dir = await suiteDir(files);
  const err = await loadSuite(join(dir, root)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SuiteError);
  return (err as SuiteError).message;
}

describe('suite errors name the file and line', () => {
  it('bad YAML syntax', async () => {
    const msg = await loadError({
      'suite.yaml': [...HEAD, 'cases:', '  - id: a', '    request: {channel: sms', '  - id: b'],
    });
    expect(msg).toMatch(/suite\.yaml:9: invalid YAML: /);
  });

  it('an unknown field, at the line of the field', async () => {
    const msg = await loadError({ 'suite.yaml': [...HEAD, 'cases:', '  - id: a', '    asert: []'] });
    expect(msg).toMatch(/suite\.yaml:8: cases\.0: Unrecognized key: "asert"$/);
  });

  it('an unknown field at the top', async () => {
    expect(await loadError({ 'suite.yaml': [...HEAD, 'treshold: 1'] })).toMatch(/suite\.yaml:6: Unrecognized key/);
  });

  it('a list of cases given as the suite itself', async () => {
    expect(await loadError({ 'suite.yaml': ['- id: a'] })).toMatch(/suite\.yaml:1: a list of cases is a fragment/);
  });

  it('an assertion list that is not a list', async () => {
    const msg = await loadError({
      'suite.yaml': [...HEAD, 'cases:', '  - id: a', '    assert:', '      type: status'],
    });
    expect(msg).toMatch(/suite\.yaml:9: cases\.0\.assert: Invalid input: expected array/);
  });

  it('an assertion of an unknown type, or with a bad argument', async () => {
    const typo = [...HEAD, 'cases:', '  - id: a', '    assert:', '      - type: barier'];
    expect(await loadError({ 'suite.yaml': typo })).toMatch(/suite\.yaml:9: unknown assertion type "barier" \(known: /);
    const badArg = [...HEAD, 'cases:', '  - id: a', '    assert:', '      - type: barrier', '        value: cots'];
    expect(await loadError({ 'suite.yaml': badArg })).toMatch(
      /suite\.yaml:10: cases\.0\.assert\.0\.value: Invalid option/,
    );
  });

  it('a missing include or a glob matching nothing, at the include line', async () => {
    const head = [...HEAD, 'include:', '  - cases/red.yaml'];
    expect(await loadError({ 'suite.yaml': head })).toMatch(/suite\.yaml:7: include cases\/red\.yaml not found/);
    const glob = [...HEAD, 'include:', '  - cases/*.jsonl'];
    expect(await loadError({ 'suite.yaml': glob })).toMatch(/suite\.yaml:7: include cases\/\*\.jsonl matches no files/);
  });

  it('an include cycle, showing the loop', async () => {
    const msg = await loadError({
      'suite.yaml': [...HEAD, 'include: [a.yaml]'],
      'a.yaml': ['include:', '  - b.yaml', 'cases: []'],
      'b.yaml': ['cases: []', 'include:', '  - a*.yaml'],
    });
    expect(msg).toMatch(/b\.yaml:3: include cycle: .*a\.yaml → .*b\.yaml → .*a\.yaml$/);
  });

  it('an unknown variable, at the case', async () => {
    const msg = await loadError({
      'suite.yaml': [...HEAD, 'cases:', '  - id: a', '    vars: {days: 3}', '    request: {channel: "{{chanel}}"}'],
    });
    expect(msg).toMatch(/suite\.yaml:7: case a: unknown variable \{\{chanel\}\}$/);
  });

  it('duplicate case ids, naming the first', async () => {
    const msg = await loadError({
      'suite.yaml': [...HEAD, 'include: [more.jsonl]', 'cases:', '  - id: a'],
      'more.jsonl': ['{"id": "b"}', '{"id": "a"}'],
    });
    expect(msg).toMatch(/more\.jsonl:2: duplicate case id a \(first at .*suite\.yaml:8\)$/);
  });

  it('a bad JSONL line: invalid JSON, or a case with a bad field', async () => {
    const json = await loadError({
      'suite.yaml': [...HEAD, 'include: [c.jsonl]'],
      'c.jsonl': ['{"id": "a"}', '{"id": '],
    });
    expect(json).toMatch(/c\.jsonl:2: invalid JSON: /);
    const field = await loadError({
      'suite.yaml': [...HEAD, 'include: [c.jsonl]'],
      'c.jsonl': ['{"id": "a"}', '', '{"id": "b", "tags": "red"}'],
    });
    expect(field).toMatch(/c\.jsonl:3: tags: Invalid input: expected array/);
  });

  it('a missing fixture, and a request that breaks the compose contract', async () => {
    const fixture = [...HEAD, 'cases:', '  - id: a', '    fixture: fixtures/nobody.yaml'];
    expect(await loadError({ 'suite.yaml': fixture })).toMatch(
      /suite\.yaml:8: fixture fixtures\/nobody\.yaml not found/,
    );
    const request = [...HEAD, 'cases:', '  - id: a', '    request:', '      channel: pigeon'];
    expect(await loadError({ 'suite.yaml': request })).toMatch(/suite\.yaml:9: cases\.0\.request\.channel: Invalid/);
  });

  it('a plugin that cannot be loaded, at its line', async () => {
    const msg = await loadError({ 'suite.yaml': [...HEAD, 'plugins:', '  - ./nowhere.ts'] });
    expect(msg).toMatch(/suite\.yaml:7: .*nowhere\.ts/);
  });

  it('a file that cannot be read: file and no line', async () => {
    const msg = await loadError({}, 'absent.yaml');
    expect(msg).toMatch(/absent\.yaml: cannot read: ENOENT$/);
  });
});
