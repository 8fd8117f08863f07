import { createHash } from 'node:crypto';
import type { LanguageProfileFile } from './profile-schema.js';
import { type Stemmer, stemmerNamed } from './stemmers.js';

/** A profile ready to use: word lists as sets, the stemmer resolved, rewrites compiled. */
export type LanguageProfile = {
  locale: string;
  language: string;
  /** Changes with any edit of the profile, so a model built with another profile is known to be stale. */
  sha256: string;
  foldAccents: boolean;
  stem: Stemmer;
  expansions: ReadonlyMap<string, string[]>;
  rewrites: ReadonlyArray<{ pattern: RegExp; words: string[] }>;
  /** First word of a phrase → its phrases, longest first. */
  phrases: ReadonlyMap<string, ReadonlyArray<{ words: string[]; token: string }>>;
  negators: ReadonlySet<string>;
  scopeEnds: ReadonlySet<string>;
  adversative: ReadonlySet<string>;
  concessive: ReadonlySet<string>;
  focus: ReadonlySet<string>;
  copulas: ReadonlySet<string>;
  copulaNegators: ReadonlySet<string>;
  /** Stemmed, so "worries" and "worry" both count as a problem word. */
  problemStems: ReadonlySet<string>;
  fineWords: ReadonlySet<string>;
  fineWith: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  /** Stemmed cue word → its themes. */
  cues: ReadonlyMap<string, string[]>;
};

export function compileProfile(file: LanguageProfileFile): LanguageProfile {
  const stem = stemmerNamed(file.stemmer);
  const phrases = new Map<string, Array<{ words: string[]; token: string }>>();
  for (const [phrase, token] of Object.entries(file.phrases)) {
    const words = phrase.split(' ');
    phrases.set(words[0]!, [...(phrases.get(words[0]!) ?? []), { words, token }]);
  }
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  const cues = new Map<string, string[]>();
  for (const [theme, words] of Object.entries(file.cues)) {
    for (const word of words.split(/\s+/)) {
      const key = stem(word);
      cues.set(key, [...new Set([...(cues.get(key) ?? []), theme])]);
    }
  }
  return {
    locale: file.locale,
    language: file.language,
    sha256: createHash('sha256').update(JSON.stringify(file)).digest('hex'),
    foldAccents: file.foldAccents,
    stem,
    expansions: new Map(Object.entries(file.expansions).map(([k, v]) => [k, v.split(' ')])),
    rewrites: file.rewrites.map((r) => ({ pattern: new RegExp(r.pattern), words: r.words })),
    phrases,
    negators: new Set(file.negators),
    scopeEnds: new Set(file.scopeEnds),
    adversative: new Set(file.adversative),
    concessive: new Set(file.concessive),
    focus: new Set(file.focus),
    copulas: new Set(file.copulas),
    copulaNegators: new Set(file.copulaNegators),
    problemStems: new Set(file.problemWords.map(stem)),
    fineWords: new Set(file.fineWords),
    fineWith: new Set(file.fineWith),
    stopwords: new Set(file.stopwords),
    cues,
  };
}
