import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_LIBRARY } from '../../src/runtime.js';
import { canonicalJson } from '../../src/store/chain-hash.js';
import type { LoadedSuite } from '../suite-schema.js';

/**
 * What a suite measures, as one digest: its cases (requests, assertions, tags), thresholds, settings and
 * the content library the cases run against. Two runs with the same digest asked the same questions; a
 * baseline carries its digest, so a comparison across suite versions can say so.
 */
export async function suiteDigest(suite: LoadedSuite): Promise<string> {
  const library = await readFile(suite.contentFile ?? DEMO_LIBRARY);
  const cases = suite.cases.map((c) => ({ id: c.id, tags: c.tags, request: c.request, assert: c.assert }));
  const what = canonicalJson({ cases, thresholds: suite.thresholds, settings: suite.settings });
  return createHash('sha256').update(what).update('\0').update(library).digest('hex').slice(0, 16);
}
