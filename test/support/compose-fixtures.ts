import { expect } from 'vitest';
import { readBlockFile } from '../../src/content/read-block-file.js';
import { validateBlocks } from '../../src/content/validate-blocks.js';
import { Block, type Channel } from '../../src/domain/block.js';
import type { ComposeAnswer, Signal } from '../../src/domain/compose.js';
import { parseEnv } from '../../src/env.js';
import { DEMO_LIBRARY, openRuntime, type Runtime } from '../../src/runtime.js';
import { block } from './blocks.js';
import type { KeyName, TestService } from './service.js';

export const DEMO_PROGRAM = 'lumenzo-adherence';

/** The rule names the contract lists: every compliance answer carries each of them. */
export const CONTRACT_RULES = [
  'consent',
  'frequency',
  'approved_content',
  'fair_balance',
  'audience',
  'expiry',
  'channel_fit',
  'pii',
  'prohibited_claims',
] as const;

import { AT, BARRIER_SIGNALS } from './barrier-signals.js';

export { BARRIER_SIGNALS };

export const WEAK_SIGNALS: Signal[] = [{ type: 'refill_missed', at: AT, data: { daysLate: 3 } }];

let serial = 0;
/** A subject id no other test uses, so frequency history never leaks between tests. */
export const subjectId = (label: string) => `subj-${label}-${process.pid}-${++serial}`;

const ALL_CONSENTS = { sms: true, email: true, push: true, web: true };

export type RequestOptions = {
  subject?: string;
  channel?: Channel | 'auto';
  program?: string;
  audience?: string;
  consents?: Record<string, boolean>;
  signals?: Signal[];
  /** Extra subject fields (name, phone...): personal data the service must never repeat. */
  personal?: Record<string, unknown>;
};

/** A compose request body: by default a consented patient SMS about cost in the demo programme. */
export function composeRequest(opts: RequestOptions = {}) {
  return {
    subject: {
      id: opts.subject ?? subjectId('req'),
      audience: opts.audience ?? 'patient',
      consents: opts.consents ?? ALL_CONSENTS,
      ...opts.personal,
    },
    program: opts.program ?? DEMO_PROGRAM,
    channel: opts.channel ?? 'sms',
    signals: opts.signals ?? BARRIER_SIGNALS.cost,
  };
}

/** POSTs a compose request as the client and returns the 200 answer. */
export async function compose(
  svc: TestService,
  body: unknown,
  opts: { key?: KeyName; headers?: Record<string, string> } = {},
): Promise<ComposeAnswer> {
  const res = await svc.call('POST', '/v1/compose', { key: opts.key ?? 'client', body, headers: opts.headers });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return JSON.parse(text) as ComposeAnswer;
}

export const failedRules = (a: ComposeAnswer) => a.compliance.checks.filter((c) => !c.passed).map((c) => c.rule);
export const checkOf = (a: ComposeAnswer, rule: string) => a.compliance.checks.find((c) => c.rule === rule);

/** Asserts a blocked answer that names `rule`, and no other rule, as failing and carries no message. */
export function expectBlockedBy(a: ComposeAnswer, rule: string) {
  expect(a.status).toBe('blocked');
  expect(a.message).toBeNull();
  expect(a.compliance.verdict).toBe('fail');
  expect(checkOf(a, rule)).toMatchObject({ passed: false, detail: expect.any(String) });
  expect(failedRules(a)).toEqual([rule]);
}

/** Asserts `body` is exactly the given texts, in order, with only whitespace between them. */
export function expectVerbatim(body: string, texts: string[]) {
  let pos = 0;
  for (const text of texts) {
    const at = body.indexOf(text, pos);
    expect(at, `"${text.slice(0, 40)}..." verbatim in order`).toBeGreaterThanOrEqual(pos);
    expect(body.slice(pos, at)).toMatch(/^\s*$/);
    pos = at + text.length;
  }
  expect(body.slice(pos)).toBe('');
}

let demo: Map<string, Block> | undefined;
/** The demo library as written in src/content/demo-library.yaml, by block id. */
export async function demoBlocks(): Promise<Map<string, Block>> {
  if (!demo) {
    const { valid } = validateBlocks(await readBlockFile(DEMO_LIBRARY));
    demo = new Map(valid.map((b) => [b.id, b]));
  }
  return demo;
}

/** Imports blocks through the public API (strategist) and expects every one accepted. */
export async function importBlocks(svc: TestService, blocks: unknown[]) {
  const res = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
  const answer = (await res.json()) as { rejected: unknown[] };
  expect(res.status).toBe(200);
  expect(answer.rejected).toEqual([]);
}

/** The structural blocks a small programme needs on a channel: a greeting and a call to action. */
export function frame(program: string, channels: Channel[] = ['sms']) {
  return [
    block({ program, channels, kind: 'greeting', tags: { barriers: [], bcts: [] }, text: 'Hi from Testra Support.' }),
    block({ program, channels, kind: 'cta', tags: { barriers: [], bcts: [] }, text: 'Reply HELP to reach a nurse.' }),
  ];
}

/** A real store (in memory) with the repositories the service uses, for graph-level tests. */
export async function openMemoryRuntime() {
  return openRuntime(parseEnv({ NOF1_DATA_DIR: 'memory', LOG_LEVEL: 'silent' }));
}

/** Stores blocks straight through the content repository (they pass the same schema as an import). */
export async function storeBlocks(runtime: Runtime, blocks: unknown[]) {
  await runtime.content.importBlocks(blocks.map((b) => Block.parse(b)));
}
