import type { z } from 'zod';
import { Block } from '../domain/block.js';
import type { FieldError } from '../domain/errors.js';
import { canonicalLocale } from '../domain/locale.js';
import { describeFault, findInputFault } from '../domain/unstorable-input.js';

export type Rejection = { id: string | null; errors: FieldError[]; line?: number };

export function zodErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

const idOf = (raw: unknown): string | null =>
  raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
    ? (raw as { id: string }).id
    : null;

/** What the service adds to a block it lists (`GET /v1/content/blocks`): a listed block imports back as it is. */
const LISTED_ONLY = ['version', 'usable', 'score'];

const withoutListedFields = (raw: unknown) =>
  raw && typeof raw === 'object' && !Array.isArray(raw)
    ? Object.fromEntries(Object.entries(raw).filter(([key]) => !LISTED_ONLY.includes(key)))
    : raw;

/** Validates each block on its own, so one bad block rejects only itself. */
export function validateBlocks(raws: ReadonlyArray<{ value: unknown; line?: number; error?: string }>) {
  const valid: Block[] = [];
  const rejected: Rejection[] = [];
  const seen = new Set<string>();
  for (const { value, line, error } of raws) {
    const at = line === undefined ? {} : { line };
    if (error) {
      rejected.push({ id: null, errors: [{ path: '(root)', message: error }], ...at });
      continue;
    }
    // A block read from a file (CLI) never passed the HTTP guard: text the store cannot hold is refused here.
    const fault = findInputFault(value);
    if (fault) {
      rejected.push({ id: null, errors: [{ path: fault.path, message: `the block ${describeFault(fault)}` }], ...at });
      continue;
    }
    const parsed = Block.safeParse(withoutListedFields(value));
    const locale = parsed.success ? canonicalLocale(parsed.data.locale) : undefined;
    if (parsed.success && locale === undefined) {
      rejected.push({ id: parsed.data.id, errors: [{ path: 'locale', message: 'not a BCP 47 locale' }], ...at });
    } else if (!parsed.success) {
      rejected.push({ id: idOf(value), errors: zodErrors(parsed.error), ...at });
    } else if (seen.has(parsed.data.id)) {
      rejected.push({
        id: parsed.data.id,
        errors: [{ path: 'id', message: 'the same id appears earlier in this import' }],
        ...at,
      });
    } else {
      seen.add(parsed.data.id);
      // Stored in canonical case ("es-us" → "es-US"), so it matches a subject's canonical locale exactly.
      valid.push({ ...parsed.data, locale: locale! });
    }
  }
  return { valid, rejected };
}
