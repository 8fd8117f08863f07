import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, REQUESTS, subjectId } from '../support/compose-requests.js';
import { lintExposition, promtoolCheck } from '../support/prom-lint.js';
import { startTestService, type TestService } from '../support/service.js';

let svc: TestService;
let text: string;

beforeAll(async () => {
  svc = await startTestService();
  // One run, so the compose families have samples and not only their HELP and TYPE lines.
  await compose(svc, REQUESTS.cost(subjectId('metrics')), 'approved');
  text = await (await svc.call('GET', '/metrics', { key: 'metrics' })).text();
});
afterAll(async () => {
  await svc?.close();
});

describe('/metrics naming', () => {
  it('passes promtool check metrics (or, where promtool is not installed, the same rules)', () => {
    const promtool = promtoolCheck(text);
    if (promtool) expect(promtool).toEqual({ code: 0, output: '' });
    expect(lintExposition(text)).toEqual([]);
  });

  it('names process metrics once under the service prefix', () => {
    expect(text).toMatch(/^# TYPE nof1_process_cpu_seconds_total counter$/m);
    expect(text).toMatch(/^# TYPE nof1_nodejs_active_handles gauge$/m);
    expect(text).not.toMatch(/nof1_process_process_|nof1_process_nodejs_/);
  });

  it('the lint catches what promtool refuses', () => {
    const bad = [
      '# HELP x_active_total a gauge',
      '# TYPE x_active_total gauge',
      'x_active_total 1',
      '# HELP x_process_process_cpu_seconds_total repeated',
      '# TYPE x_process_process_cpu_seconds_total counter',
      'x_process_process_cpu_seconds_total 1',
      '# TYPE x_requests counter',
      'x_requests 1',
      '',
    ].join('\n');
    expect(lintExposition(bad)).toEqual([
      'x_active_total: non-counter metrics should not have "_total" suffix',
      'x_process_process_cpu_seconds_total: a word of the name is repeated',
      'x_requests: no help text',
      'x_requests: counter metrics should have "_total" suffix',
    ]);
    const promtool = promtoolCheck(bad);
    if (promtool) expect(promtool.output).toMatch(/non-counter metrics should not have "_total" suffix/);
  });
});
