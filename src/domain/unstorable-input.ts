/** How deep JSON a client may send: far beyond any shape the contract has, far below any recursion limit. */
const MAX_JSON_DEPTH = 32;

export type InputFault = { path: string; problem: 'unstorable text' | 'too deep' | 'reserved key' };

/** Text Postgres cannot store: a NUL character, or a lone UTF-16 surrogate (not valid Unicode). */
export const isUnstorable = (s: string) => s.includes('\u0000') || !s.isWellFormed();

// A path shows client keys only when they look like field names (a key may be personal data).
const segment = (key: string | number) =>
  typeof key === 'number' || /^[A-Za-z0-9_-]{1,40}$/.test(key) ? String(key) : '*';

/**
 * The first place in a parsed JSON (or YAML) value holding text Postgres cannot store, in a key or a
 * string, or nested deeper than `maxDepth`. Walked with an explicit stack, so depth cannot overflow it.
 */
export function findInputFault(value: unknown, maxDepth = MAX_JSON_DEPTH): InputFault | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number>; depth: number }> = [{ value, path: [], depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    const where = () => item.path.map(segment).join('.') || '(root)';
    if (typeof item.value === 'string') {
      if (isUnstorable(item.value)) return { path: where(), problem: 'unstorable text' };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return { path: where(), problem: 'too deep' };
    const entries: Array<[string | number, unknown]> = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v])
      : Object.entries(item.value);
    for (const [key, child] of entries) {
      if (typeof key === 'string' && isUnstorable(key)) {
        return { path: [...item.path.map(segment), '*'].join('.'), problem: 'unstorable text' };
      }
      // Refused as Fastify does by default: copied into an object, the key replaces its prototype, and what
      // it holds vanishes from every walk over the object's own fields (free text included) while `.x` still reads it.
      if (key === '__proto__') return { path: [...item.path.map(segment), key].join('.'), problem: 'reserved key' };
      stack.push({ value: child, path: [...item.path, key], depth: item.depth + 1 });
    }
  }
  return undefined;
}

/** What a client is told about a fault (after "the request body"): why, never the text itself. */
export function describeFault(fault: InputFault): string {
  if (fault.problem === 'too deep') return `is nested deeper than ${MAX_JSON_DEPTH} levels`;
  if (fault.problem === 'reserved key') return 'uses the reserved key __proto__';
  return 'holds text that cannot be stored (a NUL character or a lone surrogate)';
}
