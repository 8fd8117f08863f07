import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The parts of a chat-completions request body the tests look at. */
export type ChatRequest = {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_calls?: unknown[]; tool_call_id?: string }>;
  tools?: Array<{ type: 'function'; function: { name: string; parameters?: unknown } }>;
  tool_choice?: unknown;
  stream?: boolean;
  [key: string]: unknown;
};

type Usage = { prompt_tokens: number; completion_tokens: number };

/**
 * One scripted answer: tool calls (args as an object, or a raw string to send broken JSON), content, an
 * HTTP error, a delay, a body that is not JSON at all (`raw`), or a 200 whose body drips one byte at a
 * time and never ends (`dripMs` between bytes).
 */
export type Reply =
  | { toolCalls: Array<{ name: string; args: unknown }>; usage?: Usage }
  | { content: string; usage?: Usage }
  | { status: number; body?: unknown }
  | { delayMs: number; then: Reply }
  | { raw: string }
  | { dripMs: number };

/** Decides the reply to the n-th request (0-based) this server received. */
export type Script = (req: ChatRequest, n: number) => Reply | Promise<Reply>;

export type ScriptedOpenAI = {
  /** Ends in /v1, as NOF1_MODEL_BASE_URL expects. */
  baseUrl: string;
  /** Every request body received, in order. */
  requests: ChatRequest[];
  setScript(script: Script): void;
  close(): Promise<void>;
};

const DEFAULT_USAGE: Usage = { prompt_tokens: 120, completion_tokens: 30 };

function completion(
  req: ChatRequest,
  reply: { toolCalls: Array<{ name: string; args: unknown }> } | { content: string },
) {
  const message =
    'content' in reply
      ? { role: 'assistant', content: reply.content }
      : {
          role: 'assistant',
          content: null,
          tool_calls: reply.toolCalls.map((c, i) => ({
            id: `call_${i}_${Math.random().toString(36).slice(2, 8)}`,
            type: 'function',
            function: { name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
          })),
        };
  return {
    id: `chatcmpl-${Date.now()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    choices: [{ index: 0, message, finish_reason: 'content' in reply ? 'stop' : 'tool_calls' }],
  };
}

async function answer(res: ServerResponse, req: ChatRequest, reply: Reply): Promise<void> {
  if ('delayMs' in reply) {
    await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    // The client gave up (its timeout): nothing to answer.
    if (res.destroyed || res.writableEnded) return;
    return answer(res, req, reply.then);
  }
  if ('raw' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(reply.raw);
    return;
  }
  if ('dripMs' in reply) {
    res.writeHead(200, { 'content-type': 'application/json' });
    // Bytes of a body that never completes, until the client gives up (or the server closes).
    while (!res.destroyed && !res.writableEnded) {
      res.write(' ');
      await new Promise((resolve) => setTimeout(resolve, reply.dripMs));
    }
    return;
  }
  if ('status' in reply) {
    const body = reply.body ?? { error: { message: `scripted ${reply.status}`, type: 'scripted_error' } };
    res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return;
  }
  const usage = reply.usage ?? DEFAULT_USAGE;
  const body = {
    ...completion(req, reply),
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers from a script and records
 * every request. Non-streaming only: the engines never stream (a streaming request is answered 400 so
 * a test would notice).
 */
export async function startScriptedOpenAI(initial?: Script): Promise<ScriptedOpenAI> {
  const requests: ChatRequest[] = [];
  let script: Script = initial ?? (() => ({ status: 500 }));
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const body = JSON.parse(await readBody(req)) as ChatRequest;
      const n = requests.push(body) - 1;
      if (body.stream) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"stream not scripted"}}');
        return;
      }
      await answer(res, body, await script(body, n));
    })().catch((err: Error) => {
      if (!res.headersSent) res.writeHead(500).end(JSON.stringify({ error: { message: err.message } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    setScript(next) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The function tools a request offered the model. */
export const offeredTools = (req: ChatRequest): string[] => (req.tools ?? []).map((t) => t.function.name);

/** All text the request carries in user (and tool) messages, joined. */
export function userText(req: ChatRequest): string {
  return req.messages
    .filter((m) => m.role !== 'system')
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content ?? '')))
    .join('\n');
}

/** The system (instruction) text of a request. */
export function systemText(req: ChatRequest): string {
  return req.messages
    .filter((m) => m.role === 'system')
    .map((m) => String(m.content))
    .join('\n');
}

/** The JSON data a prompt carried inside <tag>…</tag>, parsed. */
export function dataIn<T = unknown>(req: ChatRequest, tag: string): T {
  const m = userText(req).match(new RegExp(`<${tag}>\\n([\\s\\S]*?)\\n</${tag}>`));
  if (!m) throw new Error(`no <${tag}> data in the request`);
  return JSON.parse(m[1]!) as T;
}

/** Routes each request to the script of the agent that made it, told apart by the tool it must answer with. */
export function byAgent(scripts: { diagnosis?: Script; selection?: Script; review?: Script }): Script {
  return (req, n) => {
    const tools = offeredTools(req);
    const which = tools.includes('submit_diagnosis')
      ? scripts.diagnosis
      : tools.includes('select_blocks')
        ? scripts.selection
        : tools.includes('submit_review')
          ? scripts.review
          : undefined;
    return which ? which(req, n) : { status: 500, body: { error: { message: `unscripted tools ${tools.join(',')}` } } };
  };
}
