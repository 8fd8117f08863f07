/**
 * The OpenTelemetry GenAI attribute names nof1 exports. `@opentelemetry/semantic-conventions` 1.45 still
 * ships them only as deprecated incubating constants (they moved to the GenAI conventions repository,
 * which has no JS package), so the wire names are spelled out here once.
 */
export const GEN_AI = {
  operation: 'gen_ai.operation.name',
  agentName: 'gen_ai.agent.name',
  conversationId: 'gen_ai.conversation.id',
  toolName: 'gen_ai.tool.name',
  toolType: 'gen_ai.tool.type',
  provider: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
} as const;

export const OPERATION = { invokeAgent: 'invoke_agent', executeTool: 'execute_tool', chat: 'chat' } as const;

/** nof1's own attributes: closed sets and random ids only, never request data. */
export const NOF1 = {
  runId: 'nof1.run.id',
  traceId: 'nof1.trace.id',
  status: 'nof1.status',
  barrier: 'nof1.barrier',
  verdict: 'nof1.compliance.verdict',
  reviewReason: 'nof1.review.reason',
  resumed: 'nof1.resumed',
  node: 'nof1.node',
  engine: 'nof1.engine',
  fallback: 'nof1.fallback',
  resultCount: 'nof1.tool.result_count',
} as const;
