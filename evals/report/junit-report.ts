import type { EvalRun } from '../eval-store.js';
import type { CaseResult } from '../runner/run-types.js';

/** XML 1.0 forbids most control characters even when escaped; drop them, escape the five specials. */
export function xmlText(value: unknown): string {
  return (
    String(value)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${xmlText(v)}"`)
    .join('');
const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(suite: string, c: CaseResult): string {
  const head = `    <testcase${attrs({ name: c.id, classname: suite, time: seconds(c.latencyMs), ...(c.source ? { file: c.source.file } : {}) })}`;
  if (c.error)
    return `${head}>\n      <error${attrs({ message: c.error, type: 'case_error' })}>${xmlText(c.error)}</error>\n    </testcase>`;
  const failed = c.assertions.filter((a) => !a.pass && !a.skipped);
  const flaky = c.flaky
    ? `flaky across ${c.attempts} attempts: ${c.flaky.map((v) => `${v.count}x ${v.status}/${v.barrier}`).join('; ')}`
    : '';
  if (c.pass) return `${head} />`;
  const message = failed.length
    ? `${failed.length} assertion(s) failed: ${failed.map((a) => a.name).join(', ')}`
    : flaky;
  const body = [...failed.map((a) => `${a.name} (${a.type}): ${a.reason}`), ...(flaky ? [flaky] : [])].join('\n');
  return `${head}>\n      <failure${attrs({ message, type: 'assertion' })}>${xmlText(body)}</failure>\n    </testcase>`;
}

/**
 * JUnit XML as CI systems read it: one testsuite of the run's cases (failures: failed assertions; errors:
 * cases that could not run), and one of the suite's thresholds, so a broken gate shows by name in CI.
 */
export function renderJunit(run: EvalRun): string {
  const results = run.results ?? [];
  const thresholds = run.summary?.thresholds ?? [];
  const name = run.suite.name;
  const errors = results.filter((c) => c.error).length;
  const failures = results.filter((c) => !c.pass && !c.error).length;
  const broken = thresholds.filter((t) => !t.held).length;
  const time = seconds(results.reduce((n, c) => n + c.latencyMs, 0));
  const cases = results.map((c) => testcase(name, c));
  const gates = thresholds.map((t) => {
    const label = `${t.metric}${t.assertion ? `(${t.assertion})` : ''}`;
    const head = `    <testcase${attrs({ name: label, classname: `${name}.thresholds`, time: '0' })}`;
    if (t.held) return `${head} />`;
    const why = t.note ?? `actual ${t.actual} not within [${t.min ?? '-inf'}, ${t.max ?? 'inf'}]`;
    return `${head}>\n      <failure${attrs({ message: why, type: 'threshold' })}>${xmlText(why)}</failure>\n    </testcase>`;
  });
  const props = [
    ['run', run.id],
    ['gitCommit', run.gitCommit ?? ''],
    ['mode', run.config.mode],
    ['model', run.config.model ?? ''],
  ]
    .map(([k, v]) => `      <property${attrs({ name: k!, value: v! })} />`)
    .join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: `nof1 eval ${name}`, tests: results.length + thresholds.length, failures: failures + broken, errors, time })}>`,
    `  <testsuite${attrs({ name, tests: results.length, failures, errors, skipped: 0, time, timestamp: run.startedAt })}>`,
    `    <properties>\n${props}\n    </properties>`,
    ...cases,
    '  </testsuite>',
    `  <testsuite${attrs({ name: `${name}.thresholds`, tests: thresholds.length, failures: broken, errors: 0, skipped: 0, time: '0' })}>`,
    ...gates,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
