import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The Spanish safety corpora are data for the safety-triage engine: this checks their shape
 * (the English corpora's `{text, kinds, tag?}`), that every kind is covered as the targets
 * need, and that the held-out cases were never trained on.
 */
const KINDS = ['crisis', 'adverse_event', 'product_complaint', 'medical_information'] as const;
const Line = z.strictObject({
  id: z.string().optional(),
  text: z.string().min(1).max(2000),
  kinds: z.array(z.enum(KINDS)).refine((k) => new Set(k).size === k.length, 'a kind is listed twice'),
  tag: z.string().optional(),
});
type Line = z.infer<typeof Line>;

const read = (relative: string): Line[] =>
  readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = Line.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${relative} line ${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });

const training = read('../../../agents/data/safety-corpus.es-US.jsonl');
const heldOut = read('../../../evals/cases/safety-cases.es-US.jsonl');
const count = (lines: Line[], kind: (typeof KINDS)[number]) => lines.filter((l) => l.kinds.includes(kind)).length;
const normal = (text: string) =>
  (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(' ');

describe('the Spanish safety training corpus', () => {
  it('has at least 250 lines of each kind, more for crisis and adverse events', () => {
    for (const kind of KINDS) expect(count(training, kind)).toBeGreaterThanOrEqual(250);
    const others = Math.max(count(training, 'product_complaint'), count(training, 'medical_information'));
    expect(count(training, 'crisis')).toBeGreaterThan(others);
    expect(count(training, 'adverse_event')).toBeGreaterThan(others);
  });

  it('has at least 600 hard negatives, among them hyperbole and fear of side effects that have not happened', () => {
    const negatives = training.filter((l) => l.kinds.length === 0);
    expect(negatives.length).toBeGreaterThanOrEqual(600);
    const texts = negatives.map((l) => normal(l.text));
    expect(texts).toContain('este precio me esta matando');
    expect(texts).toContain('me muero de verguenza');
    expect(negatives.filter((l) => l.tag === 'hyperbole').length).toBeGreaterThanOrEqual(80);
    expect(negatives.filter((l) => l.tag?.startsWith('fear')).length).toBeGreaterThanOrEqual(80);
  });

  it('covers indirect crisis language, caregivers and the demo products', () => {
    const crisis = training.filter((l) => l.kinds.includes('crisis')).map((l) => normal(l.text));
    for (const cue of ['carga', 'estar aqui', 'regal', 'juntando las pastillas', 'plan', 'despedida']) {
      expect(crisis.some((t) => t.includes(cue))).toBe(true);
    }
    const events = training.filter((l) => l.kinds.includes('adverse_event')).map((l) => normal(l.text));
    expect(events.some((t) => /^mi (mama|papa|esposo|hija|hijo)/.test(t))).toBe(true);
    expect(events.some((t) => t.includes('embarazada'))).toBe(true);
    expect(training.some((l) => /lumenzo/i.test(l.text)) && training.some((l) => /velarimab/i.test(l.text))).toBe(true);
  });

  it('has no line twice', () => {
    const texts = training.map((l) => normal(l.text));
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('the Spanish held-out safety cases', () => {
  it('have at least 50 cases of each kind and 150 hard negatives, each with its own id', () => {
    for (const kind of KINDS) expect(count(heldOut, kind)).toBeGreaterThanOrEqual(50);
    expect(heldOut.filter((l) => l.kinds.length === 0).length).toBeGreaterThanOrEqual(150);
    const ids = heldOut.map((l) => l.id);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never appear in the training corpus, not even with other accents, case or punctuation', () => {
    const trained = new Set(training.map((l) => normal(l.text)));
    expect(heldOut.filter((l) => trained.has(normal(l.text))).map((l) => l.id)).toEqual([]);
  });

  it('are not inside a training line either (cases of three words or more)', () => {
    const lines = training.map((l) => ` ${normal(l.text)} `);
    const inside = heldOut.filter((l) => {
      const n = normal(l.text);
      return n.split(' ').length >= 3 && lines.some((t) => t.includes(` ${n} `));
    });
    expect(inside.map((l) => l.id)).toEqual([]);
  });
});
