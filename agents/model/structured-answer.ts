import type { AIMessageChunk } from '@langchain/core/messages';
import type { z } from 'zod';

export type StructuredAnswer<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Reasons name the failed fields and checks only, never the model's words. */
function schemaReason(error: z.ZodError): string {
  const first = error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'} ${i.code}`)
    .join('; ');
  return `invalid output: ${first}`;
}

function contentJson(text: string): unknown {
  const unfenced = text
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  try {
    return JSON.parse(unfenced);
  } catch {
    return undefined;
  }
}

/**
 * The answer a step asked for: the named tool call's arguments or — for servers that ignore
 * tool_choice and answer in JSON content — that content; either way validated by the schema.
 */
export function readStructured<T>(message: AIMessageChunk, tool: string, schema: z.ZodType<T>): StructuredAnswer<T> {
  const call = message.tool_calls?.find((c) => c.name === tool);
  let raw: unknown = call?.args;
  if (!call) {
    if (message.invalid_tool_calls?.some((c) => c.name === tool)) {
      return { ok: false, reason: `invalid output: ${tool} arguments are not valid JSON` };
    }
    raw = contentJson(message.text);
    if (raw === undefined) return { ok: false, reason: `invalid output: no ${tool} call and no JSON content` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, reason: schemaReason(parsed.error) };
}
