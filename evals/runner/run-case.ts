import { personalValues } from '../../src/compose/request-privacy.js';
import { zodErrors } from '../../src/content/validate-blocks.js';
import type { Barrier } from '../../src/domain/block.js';
import { ComposeRequest } from '../../src/domain/compose.js';
import type { AssertionContext, AssertionFn, CaseOutcome } from '../assertions/assertion-types.js';
import { runAssertion } from '../assertions/registry.js';
import { foundSafetyKinds } from '../assertions/safety-kind.js';
import type { LoadedCase } from '../suite-schema.js';
import { caseInput, caseOutput } from './case-io.js';
import { CaseError, type CaseTarget } from './case-target.js';
import type { AssertionOutcome, Attempt } from './run-types.js';

export type CaseDeps = {
  target: CaseTarget;
  registry: Record<string, AssertionFn>;
  grader?: AssertionContext['grader'];
  /** Distinguishes this run's subjects from any other run's in a shared store. */
  runTag: string;
};

/**
 * Each attempt composes for its own pseudonymous subject (`id~tag.repeat`): a repeat, or a second run against
 * the same service, would otherwise see the earlier attempt's message in the subject's history and be paced
 * or varied by it, which is state, not the behaviour under test. Cases sharing a subject within one round
 * still share its history, as they would in production.
 */
function isolate(request: ComposeRequest, tag: string): ComposeRequest {
  return { ...request, subject: { ...request.subject, id: `${request.subject.id}~${tag}` } };
}

function parseRequest(c: LoadedCase): ComposeRequest {
  const parsed = ComposeRequest.safeParse(c.request);
  if (parsed.success) return parsed.data;
  const problems = zodErrors(parsed.error).map((e) => `${e.path}: ${e.message}`);
  throw new CaseError(`the case's request is not a valid compose request (${problems.join('; ')})`);
}

/** Every assertion of the case, in order; runAssertion turns an unknown type or a throw into a failure. */
async function judge(c: LoadedCase, outcome: CaseOutcome, ctx: AssertionContext, registry: CaseDeps['registry']) {
  const results: AssertionOutcome[] = [];
  for (const spec of c.assert) {
    const { type, name, pass, score, reason, skipped } = await runAssertion(spec, outcome, ctx, registry);
    results.push({ type, name, pass, score, reason, ...(skipped ? { skipped } : {}) });
  }
  return results;
}

/** Runs one attempt of one case; anything that stops the case from running becomes its error. */
export async function runCase(c: LoadedCase, repeat: number, deps: CaseDeps): Promise<Attempt> {
  const base: Omit<Attempt, 'pass'> = {
    caseId: c.id,
    repeat,
    status: null,
    barrier: null,
    blockIds: [],
    assertions: [],
    latencyMs: 0,
  };
  try {
    const parsed = parseRequest(c);
    base.input = caseInput(parsed);
    const request = isolate(parsed, `${deps.runTag}.${repeat}`);
    const call = await deps.target.compose(request);
    const terms = await deps.target.contentTerms(request.program);
    const outcome: CaseOutcome = { case: c, ...call, personalValues: personalValues(request, terms) };
    const ctx: AssertionContext = { grader: deps.grader, blockInfo: await deps.target.blockInfo(request.program) };
    const assertions = await judge(c, outcome, ctx, deps.registry);
    return {
      ...base,
      status: call.answer.status,
      barrier: (call.answer.diagnosis?.barrier ?? null) as Barrier | null,
      safetyKinds: foundSafetyKinds(call.answer, call.trace),
      blockIds: call.answer.message?.blocks.map((b) => b.id) ?? [],
      assertions,
      latencyMs: call.latencyMs,
      output: await caseOutput(call.answer, ctx.blockInfo).catch(() => null),
      pass: assertions.every((a) => a.pass || a.skipped),
    };
  } catch (err) {
    // Even an unexpected failure (a graph bug on an odd request) is this case's error: the other cases still run.
    const error = err instanceof CaseError ? err.message : `the case failed to run: ${(err as Error).message}`;
    return { ...base, pass: false, error };
  }
}
