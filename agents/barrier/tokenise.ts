import { expandWord, stem } from './text-normalise.js';

/**
 * Words with two kinds of scope marked on them. Negation: the words a "not/no/never"
 * governs up to the end of the clause (NOT_x), so "cost isn't the issue" does not read as
 * a cost complaint. Contrast: in "the copay is high, but what really stops me is Y" the
 * part after the pivot is the speaker's point (the nucleus, in rhetorical-structure
 * terms) and the part before is a concession, so its words count for less.
 */

export type Token = { word: string; stem: string; negated: boolean; clause: number; weight: number };

/** How much a conceded clause counts, relative to the point it concedes to. */
export const CONCESSION_WEIGHT = 0.35;

const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'nobody', 'neither', 'nor', 'none', 'hardly']);
/** A contrast starts a new claim, so it ends a negation's scope as punctuation does. */
const SCOPE_ENDS = new Set(['but', 'however', 'though', 'although', 'yet', 'except', 'instead', 'whereas']);
/** "X but Y": X is conceded. */
const ADVERSATIVE = new Set(['but', 'however', 'yet', 'instead', 'whereas']);
/** "although X, Y": X is conceded. */
const CONCESSIVE = new Set(['although', 'though']);
/** "the real problem is Y": whatever came before is conceded. */
const FOCUS = new Set(['real', 'main', 'bigger', 'biggest', 'actual', 'true', 'major']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'am']);
const PROBLEM_STEMS = new Set(
  ['issue', 'problem', 'reason', 'concern', 'worry', 'thing', 'deal', 'factor', 'why'].map(stem),
);
const FINE_WORDS = new Set(['fine', 'ok', 'okay']);
const BOUNDARY = /^[.,;:!?()\n]$/;

export function tokenise(text: string): Token[] {
  const raw =
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’`´]/g, "'")
      .match(/\$|[a-z0-9']+|[.,;:!?()\n]/g) ?? [];
  const clauses: string[][] = [[]];
  for (const piece of raw) {
    if (BOUNDARY.test(piece)) {
      if (clauses.at(-1)!.length > 0) clauses.push([]);
      continue;
    }
    for (const expanded of expandWord(piece)) {
      const word = /^\d+$/.test(expanded) ? '#num' : expanded;
      if (SCOPE_ENDS.has(word) && clauses.at(-1)!.length > 0) clauses.push([]);
      clauses.at(-1)!.push(word);
    }
  }
  const tokens = clauses.flatMap((words, clause) =>
    negationScope(words).map((negated, i) => ({ word: words[i]!, stem: stem(words[i]!), negated, clause, weight: 1 })),
  );
  markConcessions(tokens);
  return tokens;
}

/** Which words of one clause a negation governs. */
function negationScope(words: string[]): boolean[] {
  const negated = words.map(() => false);
  let inScope = false;
  words.forEach((word, i) => {
    if (NEGATORS.has(word)) inScope = true;
    else negated[i] = inScope;
    // "okay with the risks": being fine with something denies it is the problem.
    if (FINE_WORDS.has(word) && words[i + 1] === 'with') inScope = true;
  });
  // "cost is not the issue", "money is fine": the verdict sits after the subject it denies.
  words.forEach((word, i) => {
    if (!COPULAS.has(word)) return;
    const next = words[i + 1] ?? '';
    const deniesProblem = next === 'not' && words.slice(i + 2, i + 5).some((w) => PROBLEM_STEMS.has(stem(w)));
    if (deniesProblem || FINE_WORDS.has(next)) for (let j = 0; j < i; j++) negated[j] = true;
  });
  return negated;
}

function markConcessions(tokens: Token[]): void {
  const concede = (from: number, to: number) => {
    for (let j = from; j < to; j++) tokens[j]!.weight = CONCESSION_WEIGHT;
  };
  tokens.forEach((t, i) => {
    const startsClause = tokens[i - 1]?.clause !== t.clause;
    if (ADVERSATIVE.has(t.word) && startsClause) concede(0, i);
    if (CONCESSIVE.has(t.word) && startsClause && tokens[i + 1]) {
      const end = tokens.findIndex((u, j) => j > i && u.clause !== t.clause);
      concede(i, end < 0 ? tokens.length : end);
    }
    if (FOCUS.has(t.word) && PROBLEM_STEMS.has(tokens[i + 1]?.stem ?? '')) concede(0, i);
  });
}
