import type { Builder } from 'junit-report-builder';
import junitModule from 'junit-report-builder';
import type { EvalRun } from '../eval-store.js';
import type { CaseResult, ThresholdResult } from '../runner/run-types.js';
import { thresholdLabel } from '../runner/thresholds.js';

// XML 1.0 forbids most control characters even when escaped, and lone surrogates: the writer refuses them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing exactly those characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (value: unknown) => String(value).toWellFormed().replace(FORBIDDEN, '');
const seconds = (ms: number) => Math.round(ms) / 1000;

// The package's CommonJS export is the builder itself, though its declarations call it the default export.
const junit = junitModule as unknown as Builder;
type Suite = ReturnType<Builder['testSuite']>;

function addCase(suite: Suite, name: string, c: CaseResult) {
  const tc = suite.testCase().className(clean(name)).name(clean(c.id)).time(seconds(c.latencyMs));
  if (c.source) tc.file(clean(c.source.file));
  if (c.error) return void tc.error(clean(c.error), 'case_error', clean(c.error));
  if (c.pass) return;
  const failed = c.assertions.filter((a) => !a.pass && !a.skipped);
  const flaky = c.flaky
    ? `flaky across ${c.attempts} attempts: ${c.flaky.map((v) => `${v.count}x ${v.status}/${v.barrier}`).join('; ')}`
    : '';
  const message = failed.length
    ? `${failed.length} assertion(s) failed: ${failed.map((a) => a.name).join(', ')}`
    : flaky;
  const body = [...failed.map((a) => `${a.name} (${a.type}): ${a.reason}`), ...(flaky ? [flaky] : [])].join('\n');
  tc.failure(clean(message), 'assertion').stacktrace(clean(body));
}

function addGate(suite: Suite, name: string, t: ThresholdResult) {
  const label = thresholdLabel(t);
  const tc = suite
    .testCase()
    .className(clean(`${name}.thresholds`))
    .name(clean(label))
    .time(0);
  if (t.held) return;
  const why = t.note ?? `actual ${t.actual} not within [${t.min ?? '-inf'}, ${t.max ?? 'inf'}]`;
  tc.failure(clean(why), 'threshold').stacktrace(clean(why));
}

/** The gate's verdict in words a CI view shows: "gate held: 1 of 4 cases failed". */
function verdictOf(run: EvalRun): { held: boolean; text: string } {
  const s = run.summary;
  if (!s) return { held: false, text: `gate failed: the run ${run.status}${run.error ? ` (${run.error})` : ''}` };
  const held = s.thresholds.every((t) => t.held);
  const broken = s.thresholds.filter((t) => !t.held).map(thresholdLabel);
  const cases = s.failed ? `${s.failed} of ${s.cases} cases failed` : `all ${s.cases} cases passed`;
  return {
    held,
    text: held ? `gate held: ${cases}` : `gate failed (${broken.join(', ')}): ${cases}`,
  };
}

/**
 * JUnit XML as CI systems read it: one testsuite of the run's cases (failures: failed assertions; errors:
 * cases that could not run), and one of the suite's thresholds, so a broken gate shows by name in CI; the
 * gate's verdict is also a property, so a CI view can tell "cases failed, gate held".
 */
export function renderJunit(run: EvalRun): string {
  const results = run.results ?? [];
  const thresholds = run.summary?.thresholds ?? [];
  const name = run.suite.name;
  const verdict = verdictOf(run);
  // The verdict is in the root's name and a test case of its own, so a CI view that shows only names and
  // counts still tells "cases failed, gate held" from "gate failed".
  const builder = junit.newBuilder().name(clean(`nof1 eval ${name}: ${verdict.text}`));
  const cases = builder
    .testSuite()
    .name(clean(name))
    .timestamp(run.startedAt)
    .property('run', run.id)
    .property('gitCommit', run.gitCommit ?? '')
    .property('mode', run.config.mode)
    .property('model', run.config.model ?? '')
    .property('gate', verdict.held ? 'held' : 'failed')
    .property('verdict', verdict.text);
  for (const c of results) addCase(cases, name, c);
  const gates = builder.testSuite().name(clean(`${name}.thresholds`));
  for (const t of thresholds) addGate(gates, name, t);
  const gate = gates
    .testCase()
    .className(clean(`${name}.thresholds`))
    .name(clean(verdict.text))
    .time(0);
  if (!verdict.held) gate.failure(clean(verdict.text), 'gate');
  return builder.build();
}
