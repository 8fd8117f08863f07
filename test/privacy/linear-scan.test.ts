import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPiiFinder, type PiiOptions, type ScanDeps } from '../../src/privacy/find-pii.js';
import { createRedactor } from '../../src/privacy/redact.js';

const MB = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

// Shapes that made a pattern read the same characters again and again: runs of one pattern's
// characters, separators, labels before long gaps, cue words and contact details over and over.
const HOSTILE = [
  'a',
  'a@',
  '1-',
  '.',
  ' ',
  '\t \t',
  '\n',
  '-',
  "'",
  'a.',
  '12 ',
  '55 ',
  'acct. ',
  'zip\t',
  'it\t',
  'i\t',
  'E(DOT)+',
  'WW.-',
  '!',
  'birth\t',
  'my name is ',
  'Dr. ',
  'thanks, ',
  '12 Oak St ',
  'Springfield, IL 62704 ',
  '555-123-4567 ',
  'a@b.com ',
  'Ann Lee, 555-123-4567\n',
  '\u0000',
  '\ud800',
  '\udfff',
  'é',
  '😀',
  '\u200b',
];
const OPTIONS: PiiOptions = { known: ['Ann Lee', '555-444-1212', 'jane.roe@example.com'], allow: ['1-800-555-0142'] };

/** Characters the patterns were given to read while finding personal data in `text`. */
function charactersScanned(text: string, opts: PiiOptions = OPTIONS, deps: ScanDeps = {}): number {
  let scanned = 0;
  createPiiFinder(opts, { ...deps, onScanned: (n) => (scanned += n) })(text);
  return scanned;
}

const hostileText = fc
  .array(
    fc
      .oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 8 }))
      .chain((unit) => fc.integer({ min: 1, max: 400 }).map((times) => unit.repeat(times))),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

describe('scanning hostile text', () => {
  it.each([
    ['a', 'a'],
    ['a@', 'a@'],
    ['1-', '1-'],
    ['.', '.'],
  ])('withholds one 1 MB token of %j whole, without reading it pattern by pattern', (_, unit) => {
    const token = fill(unit, MB);
    expect(createRedactor(OPTIONS).text(`before ${token} after`)).toBe('before [UNSCANNED] after');
    expect(charactersScanned(token)).toBeLessThanOrEqual(8 * MB);
  });

  it.each([
    ['repeated spaces', ' '],
    ['repeated tabs and spaces', '\t \t'],
    ['repeated dashes between spaces', '- '],
    ['repeated street addresses', '12 Oak St '],
    ['repeated contact lines', 'Ann Lee, 555-123-4567\n'],
    ['lone surrogates', '\ud800x\udfff '],
    ['NUL bytes', '\u0000 '],
  ])('finishes 1 MB of %s', (_, unit) => {
    const text = fill(unit, MB);
    const out = createRedactor(OPTIONS).text(text);
    expect(out).not.toContain('555-123-4567');
    expect(out).not.toContain('12 Oak St');
  });

  it('reads ten times the characters for ten times the text', () => {
    const mixed = (size: number) => fill(HOSTILE.join(' lorem ipsum '), size);
    const small = charactersScanned(mixed(100 * 1024));
    const large = charactersScanned(mixed(MB));
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(11);
  });

  it('reads a bounded number of characters per character of any text', () => {
    const perChar = charactersScanned('x') / 1;
    fc.assert(
      fc.property(hostileText, (text) => {
        // Windows overlap by a margin and end at a token's end: at most about 1.35 reads per pass.
        expect(charactersScanned(text)).toBeLessThanOrEqual(Math.ceil(text.length * perChar * 1.35) + perChar);
      }),
      { numRuns: 60 },
    );
  });

  it('still finds personal data between hostile runs', () => {
    const pii = ['jane.roe@example.com', '555-867-5309', '123-45-6789', 'Ann Lee'];
    fc.assert(
      fc.property(hostileText, hostileText, fc.constantFrom(...pii), (before, after, value) => {
        const out = createRedactor(OPTIONS).text(`${before} ${value} ${after}`);
        expect(out).not.toContain(value);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the time budget', () => {
  it('withholds the rest of a text once the budget is spent, and reads no further', () => {
    let clock = 0;
    const now = () => (clock += 6);
    const limits = { windowChars: 200, marginChars: 50, budgetMs: 10 };
    const text = `${fill('call me maybe ', 400)}call 555-867-5309 ${fill('words and more words ', 8_000)}`;
    let scanned = 0;
    const find = createPiiFinder({}, { now, limits, onScanned: (n) => (scanned += n) });
    const spans = find(text);
    const tail = spans.at(-1)!;
    expect(tail).toMatchObject({ type: 'UNSCANNED', end: text.length });
    expect(tail.start).toBeLessThan(400);
    expect(spans.filter((s) => s.type === 'PHONE')).toEqual([]);
    expect(scanned).toBeLessThan(charactersScanned(text, {}, { limits: { ...limits, budgetMs: 1e9 } }) / 10);
  });

  it('reads a text of one window whole without asking the clock', () => {
    let reads = 0;
    const now = () => {
      reads += 1;
      return reads * 1e6;
    };
    const limits = { windowChars: 200, marginChars: 50, budgetMs: 10 };
    const spans = createPiiFinder({}, { now, limits })('call 555-867-5309 tomorrow');
    expect(spans.map((s) => s.type)).toEqual(['PHONE']);
    expect(reads).toBe(0);
  });
});

describe('known personal values', () => {
  it('compiles no regular expression the size of a value: a 16k value is still found', () => {
    const value = 'ab '.repeat(5_000).trim();
    const r = createRedactor({ known: [value, "a'".repeat(8_000), '1-'.repeat(8_000)] });
    const out = r.text(`before ${value} after`);
    expect(out).toBe('before [NAME] after');
  });

  it('finds a long value in any ASCII case', () => {
    const value = `Apartment ${'B'.repeat(300)} rear entrance`;
    expect(createRedactor({ known: [value] }).text(`at ${value.toLowerCase()}.`)).toBe('at [NAME].');
  });
});
