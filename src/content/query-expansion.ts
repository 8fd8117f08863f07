import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { tokenize } from './embedder.js';

const SynonymGroup = z.strictObject({
  concept: z.string().min(1),
  patient: z.array(z.string().min(1)).min(1),
  content: z.array(z.string().min(1)).min(1),
});
type SynonymGroup = z.infer<typeof SynonymGroup>;

const SYNONYMS_FILE = new URL('./search-synonyms.yaml', import.meta.url);

/** The synonym groups, read and checked once: a broken data file stops start-up, not a search. */
function loadGroups(): SynonymGroup[] {
  return z.array(SynonymGroup).parse(parse(readFileSync(SYNONYMS_FILE, 'utf8')));
}

type Expander = { groups: SynonymGroup[]; byWord: Map<string, SynonymGroup[]>; hyphenated: string[] };

function indexGroups(groups: SynonymGroup[]): Expander {
  const byWord = new Map<string, SynonymGroup[]>();
  const hyphenated: string[] = [];
  for (const g of groups) {
    for (const word of [...g.patient, ...g.content].map((w) => w.toLowerCase())) {
      const key = word.includes('-') ? word.replace(/-/g, '') : word;
      if (word.includes('-')) hyphenated.push(word);
      byWord.set(key, [...(byWord.get(key) ?? []), g]);
    }
  }
  return { groups, byWord, hyphenated };
}

let expander: Expander | undefined;

export type ExpandedQuery = {
  /** The searcher's own words (stop words out), hyphenated synonyms joined ("co-pay" → "copay"). */
  words: string[];
  /** Content words the synonym groups add, not already among `words`. */
  added: string[];
};

/** The words of a search and the content words its patient words stand for. */
export function expandQuery(text: string): ExpandedQuery {
  expander ??= indexGroups(loadGroups());
  let lowered = text.toLowerCase();
  for (const word of expander.hyphenated) lowered = lowered.replaceAll(word, word.replace(/-/g, ''));
  const words = [...new Set(tokenize(lowered))];
  const seen = new Set(words);
  const added: string[] = [];
  for (const word of words) {
    for (const group of expander.byWord.get(word) ?? []) {
      for (const term of group.content.flatMap((c) => tokenize(c))) {
        if (seen.has(term)) continue;
        seen.add(term);
        added.push(term);
      }
    }
  }
  return { words, added };
}

/** An OR query for Postgres `to_tsquery`: only letters and digits reach it, so no operator can be injected. */
export function orTsquery(terms: string[]): string {
  return terms
    .map((t) => t.replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .slice(0, 64)
    .join(' | ');
}
