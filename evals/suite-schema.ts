import { z } from 'zod';
import { SAFETY_KINDS } from '../src/domain/safety.js';

/** One assertion in a suite: `type` names a registered assertion; the rest are its arguments. */
export const AssertionSpec = z.looseObject({
  type: z.string().min(1),
  /** Optional label shown in reports instead of the type. */
  name: z.string().optional(),
});
export type AssertionSpec = z.infer<typeof AssertionSpec>;

/** A suite-level gate: the run fails (distinct exit code) when one does not hold. */
export const Threshold = z.strictObject({
  metric: z.enum([
    'barrier_accuracy',
    'barrier_macro_f1',
    'pass_rate',
    'assertion_pass_rate',
    'assertion_failures',
    'safety_recall',
    'safety_precision',
  ]),
  /** For assertion_* metrics: which assertion type. */
  assertion: z.string().optional(),
  /** For safety_* metrics: which safety kind (over the cases with a `safety_kind` assertion). */
  kind: z.enum(SAFETY_KINDS).optional(),
  /** Measure only the cases with this tag (e.g. every crisis case must pass: `{metric: pass_rate, tag: crisis, min: 1}`). */
  tag: z.string().min(1).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type Threshold = z.infer<typeof Threshold>;
/** A threshold as a run holds it: a suite composed of others keeps each one's gates, scoped to its cases. */
export type ScopedThreshold = Threshold & { suite?: string };

export const SuiteCase = z.strictObject({
  id: z.string().min(1),
  description: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** Values substituted into `{{name}}` placeholders of the request's strings. */
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
  /** Path (relative to the file that names it) of a reusable subject/signals fixture, deep-merged under the request. */
  fixture: z.string().optional(),
  /** The compose request (deep-merged over the suite's defaults.request and the fixture). */
  request: z.record(z.string(), z.unknown()).default({}),
  assert: z.array(AssertionSpec).default([]),
});
export type SuiteCase = z.infer<typeof SuiteCase>;

export const SuiteFile = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** A content library (.yaml/.json/.jsonl/.csv) imported into the fresh store; the demo library when absent. */
  content: z.string().optional(),
  /** Programme pacing for the fresh store. */
  settings: z
    .record(
      z.string(),
      z.strictObject({ frequencyCap: z.number().int().min(0), frequencyWindowDays: z.number().int().min(1) }),
    )
    .optional(),
  defaults: z
    .strictObject({
      request: z.record(z.string(), z.unknown()).default({}),
      assert: z.array(AssertionSpec).default([]),
      tags: z.array(z.string()).default([]),
    })
    .default({ request: {}, assert: [], tags: [] }),
  thresholds: z.array(Threshold).default([]),
  /** Other files (suite fragments or case files, .yaml/.yml/.jsonl) and globs, relative to this file. */
  include: z.array(z.string()).default([]),
  /**
   * Whole suites (relative paths) run as part of this one: their cases with their own defaults, and their
   * thresholds, each measured on that suite's cases, so this suite gates on the union of theirs.
   */
  suites: z.array(z.string()).default([]),
  /** Module paths (relative to this file) of custom assertions, each exporting `assertions: Record<string, AssertionFn>`. */
  plugins: z.array(z.string()).default([]),
  cases: z.array(SuiteCase).default([]),
});
export type SuiteFile = z.infer<typeof SuiteFile>;

/** A loaded suite: every include resolved, every case's request fully merged. */
export type LoadedCase = {
  id: string;
  description?: string;
  tags: string[];
  request: unknown;
  assert: AssertionSpec[];
  /** Where the case was defined, for error messages and reports. */
  source: { file: string; line?: number };
  /** The composed suite it came from, when this suite is made of suites. */
  suite?: string;
};
export type LoadedSuite = {
  name: string;
  description?: string;
  file: string;
  contentFile?: string;
  settings: Record<string, { frequencyCap: number; frequencyWindowDays: number }>;
  thresholds: ScopedThreshold[];
  plugins: string[];
  cases: LoadedCase[];
};
