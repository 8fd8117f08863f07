import { describe, expect, it } from 'vitest';
import { createComplianceNode } from '../../agents/compliance-checker.js';
import { ModelStepError } from '../../agents/with-fallback.js';
import type { StoredBlock } from '../../src/domain/block.js';
import type { RuleResult } from '../../src/domain/compliance.js';
import type { AgentReport, ComplianceReviewer } from '../../src/domain/engines.js';
import type { StepRecord } from '../../src/domain/step.js';
import { RunSecretsStore } from '../../src/graph/run-secrets.js';
import type { ComposeStateType } from '../../src/graph/state.js';
import type { ContentRepo } from '../../src/store/content-repo.js';
import { CLAIM, CTA, GREETING, ISI_LINK, messageOf, PROGRAM, SUPPORT, TODAY } from '../compliance/fixtures.js';

const STORED = [GREETING, SUPPORT, CTA, CLAIM, ISI_LINK];
/** The store's blocks by id, and its ISI listing (counted: compliance lists it only when fair balance must look). */
function contentOf(isi: StoredBlock[] = [ISI_LINK]) {
  const reads = { lists: 0 };
  const repo = {
    byIds: async (ids: string[]) => STORED.filter((b) => ids.includes(b.id)),
    list: async () => {
      reads.lists++;
      return isi;
    },
  } as unknown as ContentRepo;
  return { repo, reads };
}
const content = contentOf().repo;
const call = { model: 'm', promptTokens: 1, completionTokens: 1, ms: 1, ok: true };

function state(
  consents: Record<string, boolean>,
  steps: Partial<StepRecord>[] = [],
  blocks: StoredBlock[] = [GREETING, SUPPORT, CTA],
): ComposeStateType {
  return {
    runId: 'msg_1',
    request: { subject: { id: 's-1', audience: 'patient', consents }, program: PROGRAM, channel: 'sms', signals: [] },
    context: { locale: 'en-US', sentInWindow: 0, frequencyCap: 3, windowDays: 7 },
    message: messageOf(blocks),
    today: TODAY,
    round: 0,
    checks: [],
    steps: steps.map((s) => ({ modelCalls: [], ...s })),
  } as unknown as ComposeStateType;
}

const reviewer = (findings: RuleResult[]): ComplianceReviewer & { asked: number } => {
  const r = {
    asked: 0,
    async review() {
      r.asked++;
      const report: AgentReport = { engine: 'model', toolCalls: [], modelCalls: [call] };
      return { findings, report };
    },
  };
  return r;
};

const run = (deps: { reviewer?: ComplianceReviewer }, s: ComposeStateType) =>
  createComplianceNode({ content, secrets: new RunSecretsStore(), ...deps })(s);

describe('compliance node with a model reviewer', () => {
  it('keeps a failing rule failing when the reviewer claims it passed', async () => {
    const claims = reviewer([
      { rule: 'consent', passed: true, detail: 'the model says consent is fine', fixable: false },
    ]);
    const out = await run({ reviewer: claims }, state({ sms: false }));
    expect(claims.asked).toBe(1);
    expect(out.checks!.filter((c) => c.rule === 'consent')).toEqual([expect.objectContaining({ passed: false })]);
    expect(out.steps[0]!.output).toMatchObject({ verdict: 'fail', failing: ['consent'], next: 'blocked' });
  });

  it('adds a finding as a failing check that blocks (not a revision)', async () => {
    const finds = reviewer([{ rule: 'model_review', passed: false, detail: 'implies a cure', fixable: false }]);
    const out = await run({ reviewer: finds }, state({ sms: true }));
    expect(out.checks!.find((c) => c.rule === 'model_review')).toMatchObject({ passed: false });
    expect(out.steps[0]!.output).toMatchObject({ failing: ['model_review'], next: 'blocked' });
  });

  it('records a failed review as a fallback with its model calls, and the rules alone decide', async () => {
    const failing: ComplianceReviewer = {
      review: async () => {
        throw new ModelStepError('HTTP 503', [{ ...call, ok: false, error: 'HTTP 503' }]);
      },
    };
    const out = await run({ reviewer: failing }, state({ sms: true }));
    expect(out.steps[0]).toMatchObject({ fallback: 'model review failed (HTTP 503); rules only', engine: 'offline' });
    expect(out.steps[0]!.modelCalls).toHaveLength(1);
    expect(out.steps[0]!.output).toMatchObject({ verdict: 'pass' });
  });

  it('does not ask the reviewer once the message has spent its model calls', async () => {
    const unused = reviewer([]);
    const spent = [{ modelCalls: [call, call] }, { modelCalls: [call] }];
    const out = await run({ reviewer: unused }, state({ sms: true }, spent));
    expect(unused.asked).toBe(0);
    expect(out.steps[0]!.output).toMatchObject({ verdict: 'pass', modelReview: 'skipped: model call budget spent' });
  });
});

describe('compliance node and the programme ISI blocks', () => {
  const check = (repo: ContentRepo, blocks: StoredBlock[]) =>
    createComplianceNode({ content: repo, secrets: new RunSecretsStore() })(state({ sms: true }, [], blocks));
  const fairBalance = (out: Awaited<ReturnType<typeof check>>) => out.checks!.find((c) => c.rule === 'fair_balance');

  it('does not list them for a message with no claim, or whose claim carries its ISI', async () => {
    for (const blocks of [
      [GREETING, SUPPORT, CTA],
      [GREETING, CLAIM, ISI_LINK, CTA],
    ]) {
      const { repo, reads } = contentOf();
      expect(fairBalance(await check(repo, blocks))).toMatchObject({ passed: true });
      expect(reads.lists).toBe(0);
    }
  });

  it('lists them for a claim without its ISI: fixable while one exists, blocked when none does', async () => {
    const withIsi = contentOf([ISI_LINK]);
    const fixable = await check(withIsi.repo, [GREETING, CLAIM, CTA]);
    expect(withIsi.reads.lists).toBe(1);
    expect(fairBalance(fixable)).toMatchObject({ passed: false, fixable: true });
    expect(fixable.revise).toBe(true);

    const without = contentOf([]);
    const blocked = await check(without.repo, [GREETING, CLAIM, CTA]);
    expect(without.reads.lists).toBe(1);
    expect(fairBalance(blocked)).toMatchObject({ passed: false, fixable: false });
    expect(blocked.revise).toBe(false);
  });
});
