import { describe, expect, it } from 'vitest';
import { findPii } from '../../src/privacy/find-pii.js';
import { createRedactor } from '../../src/privacy/redact.js';
import { CLEAN, CORPUS_ALLOW, type CorpusEntry, WITH_PII } from './redaction-corpus.js';

const CORPUS = [...WITH_PII, ...CLEAN];
const redactEntry = (e: CorpusEntry) => createRedactor({ allow: CORPUS_ALLOW, known: e.known }).text(e.text);

describe('redaction corpus', () => {
  const expectRedacted = (entry: CorpusEntry) => {
    const out = redactEntry(entry);
    for (const pii of entry.pii) expect(out, `"${pii}" should be gone`).not.toContain(pii);
    for (const keep of entry.keep) expect(out, `"${keep}" should survive`).toContain(keep);
  };
  it.each(CORPUS.filter((e) => !e.gap).map((e) => [e.text, e] as const))('%s', (_, entry) => expectRedacted(entry));
  // Known misses are asserted as misses, so fixing one flags the corpus note for removal.
  it.fails.each(CORPUS.filter((e) => e.gap).map((e) => [e.text, e] as const))('known gap: %s', (_, entry) =>
    expectRedacted(entry),
  );

  it('meets recall and false-positive targets across the corpus', () => {
    let piiTotal = 0;
    let piiRemoved = 0;
    let keepTotal = 0;
    let keepAltered = 0;
    for (const entry of CORPUS) {
      const out = redactEntry(entry);
      piiTotal += entry.pii.length;
      piiRemoved += entry.pii.filter((p) => !out.includes(p)).length;
      keepTotal += entry.keep.length;
      keepAltered += entry.keep.filter((k) => !out.includes(k)).length;
    }
    const recall = piiRemoved / piiTotal;
    const falsePositiveRate = keepAltered / keepTotal;
    console.log(
      `redaction corpus: ${CORPUS.length} snippets (${WITH_PII.length} with PII, ${CLEAN.length} clean); ` +
        `recall ${recall.toFixed(3)} (${piiRemoved}/${piiTotal}); ` +
        `false positives ${falsePositiveRate.toFixed(3)} (${keepAltered}/${keepTotal})`,
    );
    expect(CORPUS.length).toBeGreaterThanOrEqual(110);
    expect(recall).toBeGreaterThanOrEqual(0.97);
    expect(falsePositiveRate).toBeLessThanOrEqual(0.03);
  });
});

describe('createRedactor().text', () => {
  it('uses typed placeholders', () => {
    const r = createRedactor();
    expect(r.text('Call (555) 123-4567 or mail jo@example.com')).toBe('Call [PHONE] or mail [EMAIL]');
    expect(r.text('SSN 123-45-6789, DOB 04/12/1961, seen 03/14/2024')).toBe('SSN [SSN], DOB [DOB], seen [DATE]');
    expect(r.text('member ID ABC123456789')).toBe('member ID [MRN]');
    expect(r.text('1423 Maple Ave, Springfield, IL 62704')).toBe('[ADDRESS], [ADDRESS], IL [ZIP]');
    // A longer identifier around a labelled value wins over the value alone.
    expect(r.text('Insurance policy number is 99120-3381-A')).toBe('Insurance policy number is [ID]');
  });

  it('redacts a toll-free number unless it is on the allow list', () => {
    const msg = 'Questions? Call 1-800-555-0142 or visit https://lumenzo-support.example.com/help?src=sms';
    expect(createRedactor().text(msg)).toBe('Questions? Call [PHONE] or visit [URL]');
    const allowed = createRedactor({ allow: ['1-800-555-0142', 'lumenzo-support.example.com'] });
    expect(allowed.text(msg)).toBe(msg);
  });

  it('redacts known personal values as whole words, in any case', () => {
    const r = createRedactor({ known: ['Ann Lee', '5554441212'] });
    expect(r.text('ANN LEE said call 555-444-1212')).toBe('[NAME] said call [PHONE]');
    expect(r.text('Annual review with Lee Annex')).toBe('Annual review with Lee Annex');
  });

  it('redacts a known name typed without its apostrophe, hyphen or dot', () => {
    const r = createRedactor({ known: ["Kevin O'Brien", "O'Brien", 'Mary-Beth', 'St. Pierre'] });
    expect(r.text('kevin obrien, O’Brien, O Brien, marybeth, Mary Beth, st pierre')).toBe(
      '[NAME], [NAME], [NAME], [NAME], [NAME], [NAME]',
    );
    expect(r.text('Brien and Mary')).toBe('Brien and Mary');
  });

  it('matches allowed content in any case', () => {
    expect(createRedactor({ allow: ['Lumenzo'] }).text('this is lumenzo and i hate it')).toBe(
      'this is lumenzo and i hate it',
    );
  });

  it('leaves event timestamps, codes and amounts alone', () => {
    const s = 'at 2024-03-14T08:30:00Z: refill 9 days late, $5 per month, BCT 3.1, block LZ-COST-SMS-01, LZ-US-0110';
    expect(createRedactor().text(s)).toBe(s);
  });
});

describe('createRedactor().value', () => {
  const input = {
    subject: { firstName: 'Ann', Last_Name: 'Lee', DOB: '1961-04-12', zip: 62704, email: null },
    signals: [
      { type: 'free_text', at: '2024-03-14T08:30:00Z', text: 'call me at 555.867.5309' },
      { type: 'refill_late', at: '2024-03-20T10:00:00Z', days: 9 },
    ],
    note: 'Ann Lee missed 2 doses',
  };

  it('redacts deeply and replaces personal keys wholesale', () => {
    const out = createRedactor({ known: ['Ann Lee'] }).value(input);
    expect(out).toEqual({
      subject: { firstName: '[REDACTED]', Last_Name: '[REDACTED]', DOB: '[REDACTED]', zip: '[REDACTED]', email: null },
      signals: [
        { type: 'free_text', at: '2024-03-14T08:30:00Z', text: 'call me at [PHONE]' },
        { type: 'refill_late', at: '2024-03-20T10:00:00Z', days: 9 },
      ],
      note: '[NAME] missed 2 doses',
    });
  });

  it('does not mutate its input', () => {
    const before = structuredClone(input);
    createRedactor().value(input);
    expect(input).toEqual(before);
  });

  it('passes primitives through and redacts bare strings', () => {
    const r = createRedactor();
    expect(r.value(42)).toBe(42);
    expect(r.value(null)).toBeNull();
    expect(r.value('ssn 123-45-6789')).toBe('ssn [SSN]');
  });
});

describe('findPii', () => {
  it('reports types and offsets without the values', () => {
    const text = 'Hi, my name is Maria Gonzalez, phone (555) 123-4567.';
    const spans = findPii(text);
    expect(spans).toEqual([
      { type: 'NAME', start: 15, end: 29 },
      { type: 'PHONE', start: 37, end: 51 },
    ]);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Maria Gonzalez', '(555) 123-4567']);
  });

  it('finds nothing in approved content', () => {
    const content = 'Many people find a weekly pill organizer helps. Call 1-800-555-0142 for support.';
    expect(findPii(content, { allow: ['1-800-555-0142'] })).toEqual([]);
  });
});
