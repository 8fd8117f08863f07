import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { compose, getJson } from '../support/compose-requests.js';
import { COST_DIAGNOSIS, wellBehaved } from '../support/model-scripts.js';
import { personalRequest } from '../support/personal-request.js';
import { leakedValues, PERSONAL_FRAGMENTS, pseudonymousId } from '../support/personal-seed.js';
import { type Exposition, parseExposition } from '../support/prom-text.js';
import { byAgent, type ScriptedOpenAI, startScriptedOpenAI } from '../support/scripted-openai.js';
import { startTestService, type TestService } from '../support/service.js';

let model: ScriptedOpenAI;
let svc: TestService;
const ids = [pseudonymousId(), pseudonymousId(), pseudonymousId()];
const answers: ComposeAnswer[] = [];
let text: string;
let metrics: Exposition;

beforeAll(async () => {
  model = await startScriptedOpenAI(byAgent(wellBehaved(COST_DIAGNOSIS)));
  svc = await startTestService({
    NOF1_MODEL_BASE_URL: model.baseUrl,
    NOF1_MODEL: 'scripted-model',
    NOF1_MODEL_TIMEOUT_MS: '500',
    NOF1_MODEL_MAX_RETRIES: '0',
  });
  answers.push(await compose(svc, personalRequest(ids[0]!), 'approved'));
  // No consent for the channel: the consent rule blocks the run.
  answers.push(await compose(svc, personalRequest(ids[1]!, { sms: false }), 'blocked'));
  model.setScript(byAgent({ ...wellBehaved(COST_DIAGNOSIS), diagnosis: () => ({ status: 503 }) }));
  answers.push(await compose(svc, personalRequest(ids[2]!)));
  // Concrete ids in paths: the HTTP histogram must label these by route pattern only.
  await getJson(svc, `/v1/traces/${answers[0]!.traceId}`);
  await getJson(svc, `/v1/messages/${answers[1]!.id}`, 'client');
  // An unmatched path is the risky case: it must fall back to a wildcard pattern, not the raw path.
  expect((await svc.call('GET', `/v1/subjects-typo/${ids[0]}`)).status).toBe(404);
  const res = await svc.call('GET', '/metrics', { key: 'metrics' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  text = await res.text();
  metrics = parseExposition(text);
});
afterAll(async () => {
  await svc?.close();
  await model?.close();
});

describe('/metrics (Prometheus text)', () => {
  it('counts compose runs by status and barrier', () => {
    expect(metrics.types.get('nof1_compose_runs_total')).toBe('counter');
    expect(answers[1]!.compliance.checks.find((c) => c.rule === 'consent')?.passed).toBe(false);
    const byStatus = (status: string) =>
      metrics.find('nof1_compose_runs_total', { status }).reduce((n, s) => n + s.value, 0);
    const expected = (status: string) => answers.filter((a) => a.status === status).length;
    for (const status of ['approved', 'blocked', 'needs_review', 'skipped'])
      expect(byStatus(status)).toBe(expected(status));
    expect(metrics.value('nof1_compose_runs_total', { status: 'approved', barrier: 'cost' })).toBeGreaterThanOrEqual(1);
    expect(metrics.value('nof1_compose_runs_total', { status: 'blocked', barrier: 'cost' })).toBe(1);
  });

  it('counts rule failures by rule after a blocked run', () => {
    expect(metrics.types.get('nof1_compliance_rule_failures_total')).toBe('counter');
    expect(metrics.value('nof1_compliance_rule_failures_total', { rule: 'consent' })).toBe(1);
  });

  it('records compose latency as a histogram with consistent buckets', () => {
    expect(metrics.types.get('nof1_compose_duration_seconds')).toBe('histogram');
    const count = metrics.find('nof1_compose_duration_seconds_count').reduce((n, s) => n + s.value, 0);
    expect(count).toBe(answers.length);
    for (const status of new Set(answers.map((a) => a.status))) {
      const buckets = metrics.find('nof1_compose_duration_seconds_bucket', { status });
      const counts = buckets.map((b) => b.value);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(buckets.at(-1)!.labels.le).toBe('+Inf');
      expect(buckets.at(-1)!.value).toBe(metrics.value('nof1_compose_duration_seconds_count', { status }));
      expect(metrics.value('nof1_compose_duration_seconds_sum', { status })).toBeGreaterThan(0);
    }
  });

  it('labels HTTP latency by route pattern, never by concrete id', () => {
    const count = (method: string, route: string) =>
      metrics.find('nof1_http_request_duration_seconds_count', { method, route }).reduce((n, s) => n + s.value, 0);
    expect(count('POST', '/v1/compose')).toBe(3);
    expect(count('GET', '/v1/traces/:traceId')).toBe(1);
    expect(count('GET', '/v1/messages/:id')).toBe(1);
    expect(count('GET', '/v1/*')).toBe(1);
    const routes = new Set(metrics.find('nof1_http_request_duration_seconds_count').map((s) => s.labels.route!));
    for (const route of routes) expect(route).not.toMatch(/msg_|trc_|rev_|pt-/);
  });

  it('counts model calls by outcome and the fallbacks they caused', () => {
    expect(metrics.value('nof1_model_calls_total', { node: 'diagnose_barrier', outcome: 'ok' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(metrics.value('nof1_model_calls_total', { node: 'diagnose_barrier', outcome: 'error' })).toBe(1);
    expect(metrics.value('nof1_model_calls_total', { node: 'assemble_message', outcome: 'ok' })).toBeGreaterThanOrEqual(
      1,
    );
    expect(metrics.value('nof1_model_fallbacks_total', { node: 'diagnose_barrier' })).toBe(1);
    expect(answers[2]!.engine?.fallbacks).toEqual([expect.stringMatching(/^diagnose_barrier: model failed/)]);
  });

  it('carries no personal value or subject id, in labels or anywhere else', () => {
    expect(metrics.samples.length).toBeGreaterThan(50);
    expect(leakedValues(text, [...PERSONAL_FRAGMENTS, ...ids])).toEqual([]);
    const labelValues = metrics.samples.flatMap((s) => Object.values(s.labels));
    expect(labelValues.filter((v) => /@|\d{3}-\d{4}|pt-/.test(v))).toEqual([]);
  });
});
