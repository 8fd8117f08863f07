import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderComparison } from '../../evals/report/comparison-text.js';
import { compareRuns } from '../../evals/runner/compare-runs.js';
import { runSuite } from '../../evals/runner/run-suite.js';
import { suiteDigest } from '../../evals/runner/suite-digest.js';
import { checkFilterTags, UnknownTags } from '../../evals/runner/suite-tags.js';
import { loadSuite } from '../../evals/suite-loader.js';
import { tempDir } from '../support/temp-dir.js';
import { composeAnswer } from './fixtures/compose-answer.js';
import { fakeSuite, fakeTarget, storedRun, writeTinySuite } from './support/runner-suites.js';

describe('--filter tags', () => {
  it('refuses a tag no case carries, listing the known ones', () => {
    const suite = fakeSuite([
      { id: 'a', tags: ['crisis', 'sms'], assert: [] },
      { id: 'b', tags: ['consent'], assert: [] },
    ]);
    expect(() => checkFilterTags(suite, ['crisis'])).not.toThrow();
    expect(() => checkFilterTags(suite, ['crisiss'])).toThrow(UnknownTags);
    expect(() => checkFilterTags(suite, ['crisiss'])).toThrow(
      'no case of the suite has the tag crisiss; known tags: consent, crisis, sms',
    );
  });
});

describe('suite content digests', () => {
  it('changes with a case, not with formatting', async () => {
    const dir = await tempDir();
    const one = await loadSuite(await writeTinySuite(dir, {}, 'one.yaml'));
    const same = await loadSuite(await writeTinySuite(dir, {}, 'same.yaml'));
    const changed = await loadSuite(await writeTinySuite(dir, { onTrack: 'approved' }, 'changed.yaml'));
    expect(await suiteDigest(one)).toMatch(/^[0-9a-f]{16}$/);
    expect(await suiteDigest(same)).toBe(await suiteDigest(one));
    expect(await suiteDigest(changed)).not.toBe(await suiteDigest(one));
    // The content library counts too.
    const library = join(dir, 'lib.yaml');
    await writeFile(library, '[]\n');
    expect(await suiteDigest({ ...one, contentFile: library })).not.toBe(await suiteDigest(one));
  });

  it('a comparison of runs of different suite versions says so', async () => {
    const suite = fakeSuite([{ id: 'a', assert: [{ type: 'status', value: 'approved' }] }]);
    const { target } = fakeTarget(() => composeAnswer());
    const result = await runSuite(suite, {}, { createTarget: async () => target });
    const base = await storedRun(result);
    const head = await storedRun(result);
    expect(compareRuns(base, head).suiteChanged).toBeUndefined();
    base.config.suiteDigest = 'aaaaaaaaaaaaaaaa';
    head.config.suiteDigest = 'bbbbbbbbbbbbbbbb';
    const c = compareRuns(base, head);
    expect(c.suiteChanged).toEqual({ base: 'aaaaaaaaaaaaaaaa', head: 'bbbbbbbbbbbbbbbb' });
    expect(renderComparison(c)).toContain(
      'note: the suite changed between these runs (content digest aaaaaaaaaaaaaaaa → bbbbbbbbbbbbbbbb)',
    );
  });
});
