/**
 * A static check that a rule's regular expression runs in linear time on any input
 * (V8's backtracking engine is exponential on nested or overlapping repetition).
 * Allowed: literals, classes, groups, alternation, anchors, look-arounds, `?`, and bounded
 * `{n,m}` repetition of an atom with no quantifier inside — at most one of them with a
 * range above MAX_SMALL_RANGE (the "gap" between two words). Refused: `*`, `+`, `{n,}`,
 * back-references, a range over a group that repeats inside, ranges above MAX_RANGE.
 * Each start position then costs a bounded number of steps, so a scan is linear.
 */

const MAX_RANGE = 60;
const MAX_SMALL_RANGE = 3;

type Group = { quantified: boolean };

export function unsafeRegexReason(source: string): string | null {
  const stack: Group[] = [{ quantified: false }];
  /** What the last atom was: a group that repeats inside, or a plain atom; null right after `(` or `|`. */
  let last: { innerQuantifier: boolean } | null = null;
  let wideRanges = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9k]/.test(next)) return 'back-reference';
      i++;
      last = { innerQuantifier: false };
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      if (j >= source.length) return 'unterminated character class';
      i = j;
      last = { innerQuantifier: false };
    } else if (c === '(') {
      stack.push({ quantified: false });
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[A-Za-z]\w{0,30}>)/.exec(source.slice(i, i + 40));
      if (prefix) i += prefix[0].length - 1;
      last = null;
    } else if (c === ')') {
      if (stack.length === 1) return 'unbalanced parenthesis';
      const group = stack.pop()!;
      if (group.quantified) stack.at(-1)!.quantified = true;
      last = { innerQuantifier: group.quantified };
    } else if (c === '|') {
      last = null;
    } else if (c === '*' || c === '+') {
      return `unbounded quantifier "${c}"`;
    } else if (c === '?' || c === '{') {
      if (last === null) {
        if (c === '{') return 'quantifier without an atom';
        continue; // the `?` of a group prefix was already skipped; a lone one is a syntax error the compiler reports
      }
      if (c === '{') {
        const range = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(source.slice(i, i + 10));
        if (!range) return 'malformed range';
        if (range[2] !== undefined && range[3] === '') return 'unbounded range "{n,}"';
        const max = Number(range[3] ?? range[1]);
        if (max > MAX_RANGE) return `range above ${MAX_RANGE}`;
        if (last.innerQuantifier) return 'range over a group that repeats inside';
        if (max > MAX_SMALL_RANGE && ++wideRanges > 1) return 'more than one wide range';
        i += range[0].length - 1;
      }
      if (source[i + 1] === '?') i++;
      stack.at(-1)!.quantified = true;
      last = null;
    } else {
      last = { innerQuantifier: false };
    }
  }
  return stack.length === 1 ? null : 'unbalanced parenthesis';
}
