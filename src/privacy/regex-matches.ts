/**
 * `text.matchAll(re)` without its copy of `re`. matchAll constructs a new RegExp on every call, and the
 * scanners run a few dozen shared patterns over every window of every text a compose reads: the copies
 * cost more than the matching (patternCandidates took 2.1× as long with matchAll on a compose's texts).
 *
 * The same matches in the same order: the pattern runs from 0, and exec leaves `lastIndex` at 0 again at
 * the end; an empty match steps on by one code point (two code units for a surrogate pair in a Unicode
 * pattern), as matchAll does. Nothing else may run the same pattern object while a loop over these matches
 * is paused; the scanners consume each loop before running that pattern again.
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  // matchAll's own rule; without the flag, exec would find the first match forever.
  if (!re.global) throw new TypeError('matchesOf needs a global pattern');
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === '') re.lastIndex = stepOn(text, re.lastIndex, re.unicode || re.flags.includes('v'));
    yield m;
  }
}

const stepOn = (text: string, i: number, unicode: boolean) =>
  unicode && i + 1 < text.length && (text.codePointAt(i) ?? 0) > 0xffff ? i + 2 : i + 1;
