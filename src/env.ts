import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'], {
    message: 'expected 1/0, true/false, yes/no or on/off',
  })
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const optionalUrl = z.url({ message: 'expected an http(s) URL' }).optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  NOF1_DATA_DIR: z.string().min(1).default('./.nof1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'expected a postgres:// connection string')
    .optional(),
  /** Connections to DATABASE_URL; 1 for a single-session server such as PGlite over the wire protocol. */
  NOF1_DB_POOL_MAX: z.coerce.number().int().min(1).max(100).optional(),
  NOF1_REVIEW_BELOW: z.coerce.number().min(0).max(1).optional(),
  /** How long a process keeps a programme's outcome counts for the learner (ms); 0 reads them on every compose. */
  NOF1_LEARNER_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  NOF1_API_KEYS: z.string().optional(),
  /** The key `nof1 eval run --against URL` sends when --key is not given. */
  NOF1_EVAL_KEY: z.string().min(1).optional(),
  /** The key the command line sends to a running service (--against, or the one holding the data folder). */
  NOF1_KEY: z.string().min(1).optional(),
  /** The running service the command line reaches when --against is not given. */
  NOF1_URL: z.url({ message: 'expected an http(s) URL' }).optional(),
  NOF1_DEMO: flag.default(true),
  /** Memory cap (MB) of each eval run the API starts: it runs in a child process of its own. */
  NOF1_EVAL_MEMORY_MB: z.coerce.number().int().min(128).max(65536).default(1024),
  NOF1_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** How long a claimed Idempotency-Key stays with a process that stopped renewing it (crashed). */
  NOF1_IDEMPOTENCY_LEASE_MS: z.coerce.number().int().min(200).default(30_000),
  /** How long a request waits for another one running under its Idempotency-Key before a 409. */
  NOF1_IDEMPOTENCY_WAIT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Requests per minute per key (by name); 0 turns the limit off. */
  NOF1_RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).default(6000),
  /** Requests per minute per address without a key (public routes, calls missing a key). */
  NOF1_RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).default(600),
  /** Unknown keys per minute from one address before it is turned away for NOF1_AUTH_BLOCK_SECONDS. */
  NOF1_AUTH_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).default(30),
  NOF1_AUTH_BLOCK_SECONDS: z.coerce.number().int().min(1).default(60),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For hop. */
  NOF1_TRUST_PROXY: flag.default(false),
  /** A second listener serving only /metrics, without a key (bind it to a private interface). */
  NOF1_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  NOF1_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NOF1_MODEL_BASE_URL: optionalUrl,
  NOF1_MODEL: z.string().min(1).optional(),
  NOF1_MODEL_API_KEY: z.string().min(1).optional(),
  NOF1_MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  NOF1_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
  /** After a model timed out (or failed repeatedly), how long runs skip it before a trial call. */
  NOF1_MODEL_BREAKER_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /** Safety triage asks the configured model too, beside the offline engine (off: the offline engine alone). */
  NOF1_MODEL_SAFETY: flag.default(false),
  NOF1_EMBEDDINGS_BASE_URL: optionalUrl,
  NOF1_EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
  NOF1_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** The closed loop's worker (triggered runs, webhooks, outcomes) in the service process; 0 turns it off. */
  NOF1_JOBS: flag.default(true),
  NOF1_JOBS_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  /** Development only: webhooks over plain http to localhost and loopback addresses. */
  NOF1_WEBHOOK_ALLOW_LOCALHOST: flag.default(false),
  NOF1_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  NOF1_WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).max(3_600_000).default(5000),
  NOF1_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
});
export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses the environment once; the one readable line names the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new EnvError(`invalid environment: ${String(issue.path[0])}: ${issue.message}`);
}

/** The process environment, with command-line overrides on top. */
export function loadEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({ ...process.env, ...overrides });
}
