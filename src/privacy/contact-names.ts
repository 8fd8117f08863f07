/**
 * Names with no cue word, known by where they stand: heading or closing a block of contact
 * details ("Thomas Reinholt, 27 Quarry Road…", "…call me at 608-555-0113, Hannah Lindqvist").
 * One to three capitalised words right beside a phone, email, street address or ZIP, apart from
 * it by a comma, dash, bar, colon, bracket or line break; a phone or email may also follow a name
 * after a bare space ("Wen Li 555-212-9090"). Stop words, ordinary words and labels ("From",
 * "Evenings", "Cell") are cut off, and a business ("Acme Health") is not a person.
 */
import { isCommonWord } from './common-words.js';
import type { NameSpan } from './find-names.js';
import { ORGANISATION_NOUNS, STOP_WORDS } from './name-cues.js';
import type { PiiType } from './pii-types.js';
import { fixedCover } from './range-cover.js';
import { isStateAsTyped } from './us-states.js';

export interface TypedSpan extends NameSpan {
  type: PiiType;
}

const CONTACT_TYPES = new Set<PiiType>(['PHONE', 'EMAIL', 'ADDRESS', 'ZIP']);
const SPACE_ONLY_TYPES = new Set<PiiType>(['PHONE', 'EMAIL']);
const LOOK = 100;

// "Reinholt", "McDonald", "O'Brien", "Mary-Beth", "PAPPAS", or an initial "J."
const WORD = "(?:[A-Z](?:[a-z]+|['’](?=[A-Z]))(?:['’-]?[A-Z][a-z]+)*|[A-Z]{2,}(?:['’-][A-Z]+)*|[A-Z]\\.)";
const WORDS = `(?<name>${WORD}(?:[ \\t]+${WORD}){0,2})`;
const NEWLINE = '(?:\\r?\\n[ \\t]*)?';
const HEAD = new RegExp(
  `(?<![\\p{L}\\p{N}'’.@_-])${WORDS}(?<sep>[ \\t]*(?:[,;:|(<\\[]|[-–—]{1,2})?[ \\t]*${NEWLINE})$`,
  'du',
);
const TAIL = new RegExp(
  `^(?:[ \\t]*(?:[,;|]|[-–—]{1,2})[ \\t]*${NEWLINE}|[ \\t]*\\r?\\n[ \\t]*)${WORDS}` +
    '(?=[ \\t]*(?:$|[\\r\\n.,;:!?)>|\\]]|[-–—]))',
  'du',
);

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Names beside the contact spans among `spans` (pattern findings); none overlaps any of `spans`. */
export function namesBesideContacts(text: string, spans: TypedSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  for (const span of spans) {
    if (!CONTACT_TYPES.has(span.type)) continue;
    const from = Math.max(0, span.start - LOOK);
    const head = HEAD.exec(text.slice(from, span.start));
    if (head && (SPACE_ONLY_TYPES.has(span.type) || /[^ \t]/.test(head.groups?.sep ?? ''))) {
      const words = wordsOf(head, from);
      out.push(...asName(words.slice(lastRejected(words) + 1)));
    }
    const tail = TAIL.exec(text.slice(span.end, span.end + LOOK));
    if (tail) {
      // Words after a number run to the end of the clause, so one ordinary word rejects them all.
      const words = wordsOf(tail, span.end);
      if (!words.some(rejected)) out.push(...asName(words));
    }
  }
  const busy = fixedCover(
    spans.map((s): [number, number] => [s.start, s.end]),
    text.length,
  );
  return out.filter((n) => !busy(n.start, n.end));
}

function wordsOf(m: RegExpExecArray, offset: number): Word[] {
  const [start = 0] = m.indices?.groups?.name ?? [];
  return [...(m.groups?.name ?? '').matchAll(/\S+/g)].map((w) => ({
    text: w[0],
    start: offset + start + w.index,
    end: offset + start + w.index + w[0].length,
  }));
}

const rejected = (w: Word) => {
  const bare = w.text.replace(/['’]s$/, '');
  return STOP_WORDS.has(bare.toLowerCase()) || isCommonWord(bare);
};

function lastRejected(words: Word[]): number {
  for (let i = words.length - 1; i >= 0; i--) if (rejected(words[i]!)) return i;
  return -1;
}

function asName(words: Word[]): NameSpan[] {
  if (!words.some((w) => !w.text.endsWith('.'))) return [];
  if (words.some((w) => ORGANISATION_NOUNS.has(w.text.toLowerCase()))) return [];
  // "…Portland, Oregon": a state after an address is a place.
  if (isStateAsTyped(words.map((w) => w.text).join(' '))) return [];
  // Capitals alone ("CVS", "NY") are acronyms; a whole name in capitals has two words or more.
  const caps = words.filter((w) => /^[A-Z'’-]{2,}$/.test(w.text)).length;
  if (caps > 0 && (caps < words.length || words.length < 2)) return [];
  return [{ start: words[0]!.start, end: words.at(-1)!.end }];
}
