import type { AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { ModelCallRecord, ModelTime } from '../../src/domain/engines.js';
import { ModelStepError } from '../with-fallback.js';
import { isTimeout, type ModelGuard, ModelNotCalled } from './model-guard.js';

export type ChatModelOptions = {
  /** An OpenAI-compatible base URL ending in /v1 (OpenAI, vLLM, Ollama, LM Studio). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries: number;
};

// Local servers accept any key, but the client refuses to start without one.
const PLACEHOLDER_KEY = 'not-needed';

/** One chat model for every agent; its timeout and retry budget bound what a model failure costs a run. */
export function createChatModel(opts: ChatModelOptions): ChatOpenAI {
  return new ChatOpenAI({
    model: opts.model,
    apiKey: opts.apiKey ?? PLACEHOLDER_KEY,
    configuration: { baseURL: opts.baseUrl },
    temperature: 0,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries,
    // Engines validate whole tool-call arguments; streaming would add nothing but another code path.
    streaming: false,
  });
}

/**
 * Why a call failed, from its status or error class only: a server's error text may echo the
 * prompt, and this string reaches the trace and the answer's fallbacks.
 */
function describeFailure(err: unknown): string {
  const e = err as { status?: unknown; name?: unknown; message?: unknown };
  if (typeof e.status === 'number') return e.status === 429 ? 'HTTP 429 rate limited' : `HTTP ${e.status}`;
  const text = `${String(e.name ?? '')} ${String(e.message ?? '')}`;
  if (isTimeout(err)) return 'timeout';
  if (/connection|ECONNREFUSED|fetch failed/i.test(text)) return 'connection error';
  return `request failed (${String(e.name ?? 'Error')})`;
}

export type ChatRunnable = {
  invoke(input: BaseMessage[], options?: { signal?: AbortSignal }): Promise<AIMessageChunk>;
};

/** The usage OpenAI-compatible servers report, as a trace record; servers that report none count 0. */
function toCallRecord(model: string, message: AIMessageChunk, ms: number, startedAt: string): ModelCallRecord {
  const usage = message.usage_metadata;
  return {
    model,
    promptTokens: usage?.input_tokens ?? 0,
    completionTokens: usage?.output_tokens ?? 0,
    ms: Math.round(ms),
    ok: true,
    startedAt,
  };
}

/**
 * Measures each call of one agent step. A failure — of the call or of its output — is recorded on
 * the call and thrown as a ModelStepError carrying every call so far, so the trace keeps them.
 */
export class ModelCallLog {
  readonly calls: ModelCallRecord[] = [];
  constructor(
    readonly model: string,
    private readonly guard?: ModelGuard,
  ) {}

  /**
   * One call, through the model's guard when it has one: bounded by the run's model time, and not made
   * at all when that is spent or the circuit is open (then no call is recorded, only why).
   */
  async invoke(runnable: ChatRunnable, messages: BaseMessage[], modelTime?: ModelTime): Promise<AIMessageChunk> {
    const t0 = performance.now();
    const startedAt = new Date().toISOString();
    const send = (signal: AbortSignal | undefined) => runnable.invoke(messages, signal ? { signal } : undefined);
    try {
      const message = await (this.guard ? this.guard.call(send, modelTime) : send(undefined));
      this.calls.push(toCallRecord(this.model, message, performance.now() - t0, startedAt));
      return message;
    } catch (err) {
      if (err instanceof ModelNotCalled) throw new ModelStepError(err.message, this.calls, 'not called');
      const error = describeFailure(err);
      const ms = Math.round(performance.now() - t0);
      this.calls.push({ model: this.model, promptTokens: 0, completionTokens: 0, ms, ok: false, error, startedAt });
      throw new ModelStepError(error, this.calls);
    }
  }

  /** The last call answered, but not usably: marks it, and returns the error that ends the model's turn. */
  failure(reason: string): ModelStepError {
    const last = this.calls.at(-1);
    if (last?.ok) Object.assign(last, { ok: false, error: reason });
    return new ModelStepError(reason, this.calls);
  }
}
