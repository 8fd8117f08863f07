import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AssertionSpec } from '../suite-schema.js';
import type { AssertionContext, AssertionFn, AssertionResult, CaseOutcome } from './assertion-types.js';
import { barrier } from './barrier.js';
import { contains } from './contains.js';
import { fairBalance } from './fair-balance.js';
import { latencyMsMax } from './latency-ms-max.js';
import { llmRubric } from './llm-rubric.js';
import { maxLength } from './max-length.js';
import { modelCallsMax } from './model-calls-max.js';
import { neverUsesBlock } from './never-uses-block.js';
import { noPii } from './no-pii.js';
import { notContains } from './not-contains.js';
import { readabilityTarget } from './readability-target.js';
import { readingGradeMax } from './reading-grade-max.js';
import { regex } from './regex.js';
import { ruleFailed } from './rule-failed.js';
import { rulePassed } from './rule-passed.js';
import { safetyKind } from './safety-kind.js';
import { singleLocale } from './single-locale.js';
import { status } from './status.js';
import { techniquesInclude } from './techniques-include.js';
import { usesBlock } from './uses-block.js';

/** The built-in assertions, by the `type` a suite names them with. */
export const ASSERTIONS: Record<string, AssertionFn> = {
  barrier,
  status,
  rule_failed: ruleFailed,
  rule_passed: rulePassed,
  uses_block: usesBlock,
  never_uses_block: neverUsesBlock,
  techniques_include: techniquesInclude,
  contains,
  not_contains: notContains,
  regex,
  max_length: maxLength,
  reading_grade_max: readingGradeMax,
  readability_target: readabilityTarget,
  single_locale: singleLocale,
  fair_balance: fairBalance,
  no_pii: noPii,
  latency_ms_max: latencyMsMax,
  model_calls_max: modelCallsMax,
  llm_rubric: llmRubric,
  safety_kind: safetyKind,
};

/**
 * Adds a module's exported `assertions` record (TS under tsx, or JS) to `registry`. A plugin may not
 * redefine a name already taken: a custom `no_pii` must not quietly weaken the built-in gate.
 */
export async function addPlugin(registry: Record<string, AssertionFn>, path: string): Promise<void> {
  const mod: { assertions?: unknown } = await import(pathToFileURL(resolve(path)).href);
  const found = mod.assertions;
  if (!found || typeof found !== 'object') throw new Error(`plugin ${path} exports no "assertions" record`);
  for (const [name, fn] of Object.entries(found)) {
    if (typeof fn !== 'function') throw new Error(`plugin ${path}: assertion ${name} is not a function`);
    if (Object.hasOwn(registry, name)) throw new Error(`plugin ${path}: assertion ${name} is already defined`);
    registry[name] = fn as AssertionFn;
  }
}

/** The full registry: the built-ins plus every plugin's assertions. */
export async function loadPlugins(paths: string[]): Promise<Record<string, AssertionFn>> {
  const registry: Record<string, AssertionFn> = { ...ASSERTIONS };
  for (const path of paths) await addPlugin(registry, path);
  return registry;
}

const failing = (reason: string): AssertionResult => ({ pass: false, score: 0, reason });

/** A plugin's answer is checked too: anything but {pass, score, reason} is a failure, not a pass. */
function wellFormed(r: unknown): AssertionResult {
  const x = r as Partial<AssertionResult> | null;
  if (!x || typeof x.pass !== 'boolean' || typeof x.score !== 'number' || typeof x.reason !== 'string') {
    return failing('assertion returned no {pass, score, reason}');
  }
  const score = Number.isNaN(x.score) ? 0 : Math.min(1, Math.max(0, x.score));
  return { pass: x.pass, score, reason: x.reason, ...(x.skipped ? { skipped: true } : {}) };
}

/** Runs one assertion of a case; an unknown type or a throw becomes a failing result, never a crashed run. */
export async function runAssertion(
  spec: AssertionSpec,
  outcome: CaseOutcome,
  ctx: AssertionContext,
  registry: Record<string, AssertionFn> = ASSERTIONS,
): Promise<AssertionResult & { type: string; name: string }> {
  const { type, name = type, ...args } = spec;
  const fn = Object.hasOwn(registry, type) ? registry[type] : undefined;
  if (!fn) return { type, name, ...failing(`unknown assertion type ${JSON.stringify(type)}`) };
  try {
    return { type, name, ...wellFormed(await fn(outcome, args, ctx)) };
  } catch (err) {
    return { type, name, ...failing(`${type} could not run: ${err instanceof Error ? err.message : String(err)}`) };
  }
}
