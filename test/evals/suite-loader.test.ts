import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSuite } from '../../evals/suite-loader.js';
import { HEAD, suiteDir } from './support/suite-dir.js';

const PLUGIN = fileURLToPath(new URL('./fixtures/plugins/support-line.ts', import.meta.url));

describe('loadSuite', () => {
  it('collects cases from includes, globs and nested includes, each file once, with their lines', async () => {
    const dir = await suiteDir({
      'suite.yaml': [...HEAD, 'include:', '  - cases/*.jsonl', '  - more.yaml', 'cases:', '  - id: root'],
      'cases/a.jsonl': ['{"id": "a1"}', '', '{"id": "a2"}'],
      'cases/b.jsonl': ['{"id": "b1"}'],
      'more.yaml': ['include: [nested/list.yaml, cases/b.jsonl]', 'cases:', '  - id: m1'],
      'nested/list.yaml': ['- id: n1', '- id: n2'],
    });
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite.cases.map((c) => c.id)).toEqual(['root', 'a1', 'a2', 'b1', 'm1', 'n1', 'n2']);
    expect(suite.cases.map((c) => `${c.source.file.slice(dir.length + 1)}:${c.source.line}`)).toEqual([
      'suite.yaml:10',
      'cases/a.jsonl:1',
      'cases/a.jsonl:3',
      'cases/b.jsonl:1',
      'more.yaml:3',
      'nested/list.yaml:1',
      'nested/list.yaml:2',
    ]);
  });

  it('merges defaults under the fixture under the case, then substitutes vars', async () => {
    const dir = await suiteDir({
      'suite.yaml': [
        'name: merge',
        'defaults:',
        '  request: {program: lumenzo-adherence, channel: email, subject: {consents: {email: true}}}',
        'cases:',
        '  - id: late',
        '    fixture: fixtures/pat.yaml',
        '    vars: {days: 9, who: pat-7}',
        '    request:',
        '      channel: sms',
        '      subject: {consents: {sms: true}}',
        '      signals:',
        '        - {type: refill_missed, data: {daysLate: "{{days}}", note: "{{ days }} days late"}}',
      ],
      'fixtures/pat.yaml': [
        'subject: {id: "{{who}}", audience: patient}',
        'signals: [{type: page_view, data: {topic: cost}}]',
      ],
    });
    const [late] = (await loadSuite(join(dir, 'suite.yaml'))).cases;
    expect(late!.request).toEqual({
      program: 'lumenzo-adherence',
      channel: 'sms',
      subject: { id: 'pat-7', audience: 'patient', consents: { email: true, sms: true } },
      // A case's list replaces the fixture's whole: the case states every signal it means.
      signals: [{ type: 'refill_missed', data: { daysLate: 9, note: '9 days late' } }],
    });
  });

  it('appends default assertions, merges default tags and resolves paths against the suite', async () => {
    const dir = await suiteDir({
      'suite.yaml': [
        ...HEAD,
        '  assert: [{type: no_pii}]',
        '  tags: [core]',
        'content: library/blocks.yaml',
        'plugins:',
        `  - ${PLUGIN}`,
        'thresholds:',
        '  - {metric: assertion_failures, assertion: no_pii, max: 0}',
        'cases:',
        '  - id: a',
        '    tags: [red-team, core]',
        '    assert:',
        '      - {type: mentions_support_line, phone: 1-800-555-0142}',
      ],
    });
    const suite = await loadSuite(join(dir, 'suite.yaml'));
    expect(suite).toMatchObject({
      name: 'demo',
      file: join(dir, 'suite.yaml'),
      contentFile: join(dir, 'library/blocks.yaml'),
      plugins: [PLUGIN],
      settings: {},
      thresholds: [{ metric: 'assertion_failures', assertion: 'no_pii', max: 0 }],
    });
    expect(suite.cases[0]).toMatchObject({
      tags: ['red-team', 'core'],
      assert: [{ type: 'mentions_support_line', phone: '1-800-555-0142' }, { type: 'no_pii' }],
    });
  });

  it('loads a JSONL file as a suite of its cases, named after the file', async () => {
    const dir = await suiteDir({
      'barrier.jsonl': [
        '{"id": "c1", "request": {"program": "p", "subject": {"id": "s", "audience": "patient"}}, "assert": [{"type": "barrier", "value": "cost"}]}',
      ],
    });
    const suite = await loadSuite(join(dir, 'barrier.jsonl'));
    expect(suite.name).toBe('barrier');
    expect(suite.cases.map((c) => [c.id, c.source.line])).toEqual([['c1', 1]]);
  });
});
