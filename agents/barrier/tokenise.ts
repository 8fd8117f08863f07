import type { LanguageProfile } from '../language/language-profile.js';
import { DEFAULT_LOCALE, loadProfile } from '../language/profile-files.js';
import { expandWord, joinPhrases, normaliseText } from './text-normalise.js';

/**
 * Words with two kinds of scope marked on them. Negation: the words a "not/no/never"
 * governs up to the end of the clause (NOT_x), so "cost isn't the issue" does not read as
 * a cost complaint. Contrast: in "the copay is high, but what really stops me is Y" the
 * part after the pivot is the speaker's point (the nucleus, in rhetorical-structure
 * terms) and the part before is a concession, so its words count for less. Which words
 * negate, contrast or focus is the locale's profile's data; the rules are the same.
 */

export type Token = { word: string; stem: string; negated: boolean; clause: number; weight: number };

/** How much a conceded clause counts, relative to the point it concedes to. */
export const CONCESSION_WEIGHT = 0.35;

const BOUNDARY = /^[.,;:!?()\n¿¡]$/;

export function tokenise(text: string, profile: LanguageProfile = loadProfile(DEFAULT_LOCALE)): Token[] {
  const raw = normaliseText(text, profile).match(/\$|[\p{L}\p{N}']+|[.,;:!?()\n¿¡]/gu) ?? [];
  const words = joinPhrases(
    raw.flatMap((piece) =>
      BOUNDARY.test(piece) ? [piece] : expandWord(piece, profile).map((w) => (/^\d+$/.test(w) ? '#num' : w)),
    ),
    profile,
  );
  const clauses: string[][] = [[]];
  for (const word of words) {
    if (BOUNDARY.test(word) || (profile.scopeEnds.has(word) && clauses.at(-1)!.length > 0)) {
      if (clauses.at(-1)!.length > 0) clauses.push([]);
      if (BOUNDARY.test(word)) continue;
    }
    clauses.at(-1)!.push(word);
  }
  if (clauses.at(-1)!.length === 0) clauses.pop();
  const tokens = clauses.flatMap((clause, index) =>
    negationScope(clause, profile).map((negated, i) => ({
      word: clause[i]!,
      stem: profile.stem(clause[i]!),
      negated,
      clause: index,
      weight: 1,
    })),
  );
  markConcessions(tokens, profile);
  return tokens;
}

/** Which words of one clause a negation governs. */
function negationScope(words: string[], p: LanguageProfile): boolean[] {
  const negated = words.map(() => false);
  let inScope = false;
  words.forEach((word, i) => {
    if (p.negators.has(word)) inScope = true;
    else negated[i] = inScope;
    // "okay with the risks": being fine with something denies it is the problem.
    if (p.fineWords.has(word) && p.fineWith.has(words[i + 1] ?? '')) inScope = true;
  });
  // "cost is not the issue", "el costo no es el problema", "money is fine": the verdict
  // sits after the subject it denies.
  const isProblem = (w: string) => p.problemStems.has(p.stem(w));
  words.forEach((word, i) => {
    if (!p.copulas.has(word)) return;
    const next = words[i + 1] ?? '';
    const deniedAfter = p.copulaNegators.has(next) && words.slice(i + 2, i + 5).some(isProblem);
    const deniedBefore = p.copulaNegators.has(words[i - 1] ?? '') && words.slice(i + 1, i + 4).some(isProblem);
    const end = deniedBefore ? i - 1 : i;
    if (deniedAfter || deniedBefore || p.fineWords.has(next)) for (let j = 0; j < end; j++) negated[j] = true;
  });
  return negated;
}

function markConcessions(tokens: Token[], p: LanguageProfile): void {
  const concede = (from: number, to: number) => {
    for (let j = from; j < to; j++) tokens[j]!.weight = CONCESSION_WEIGHT;
  };
  tokens.forEach((t, i) => {
    const startsClause = tokens[i - 1]?.clause !== t.clause;
    if (p.adversative.has(t.word) && startsClause) concede(0, i);
    if (p.concessive.has(t.word) && startsClause && tokens[i + 1]) {
      const end = tokens.findIndex((u, j) => j > i && u.clause !== t.clause);
      concede(i, end < 0 ? tokens.length : end);
    }
    // "the real problem is" names the focus before the problem word, "el problema real es" after it.
    if (p.focus.has(t.word) && p.problemStems.has(tokens[i + 1]?.stem ?? '')) concede(0, i);
    if (p.focus.has(t.word) && i > 0 && p.problemStems.has(tokens[i - 1]!.stem)) concede(0, i - 1);
  });
}
