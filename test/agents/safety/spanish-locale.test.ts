import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAFETY_DATA_DIR } from '../../../agents/safety/locale-files.js';
import { createOfflineSafetyEngine } from '../../../agents/safety/offline-safety-engine.js';
import { parseSafetyCorpus, SafetyCorpusError } from '../../../agents/safety/safety-corpus.js';
import { triageText } from '../../../agents/safety/triage-text.js';
import { loadSafetyCases, safetyCasesPath } from '../../../evals/safety-eval.js';

describe('the corpus format', () => {
  it('accepts the documented `tag` and rejects any other field, `note` included', () => {
    expect(parseSafetyCorpus('{"text": "todo bien", "kinds": [], "tag": "nothing wrong"}')).toEqual([
      { text: 'todo bien', kinds: [], tag: 'nothing wrong' },
    ]);
    expect(() => parseSafetyCorpus('{"text": "todo bien", "kinds": [], "note": "nothing wrong"}')).toThrow(
      SafetyCorpusError,
    );
    expect(() => parseSafetyCorpus('{"text": "todo bien", "kinds": [], "note": "x"}')).toThrow(/note/);
  });

  it('reads the es-US training corpus, hard negatives tagged', () => {
    const corpus = parseSafetyCorpus(readFileSync(`${SAFETY_DATA_DIR}safety-corpus.es-US.jsonl`, 'utf8'));
    expect(corpus.length).toBeGreaterThan(1500);
    expect(corpus.filter((l) => l.tag === 'hyperbole').length).toBeGreaterThanOrEqual(80);
  });
});

describe('the held-out es-US cases', () => {
  const cases = loadSafetyCases(safetyCasesPath('es-US'));

  it('load in their one-message form as a chat message with its tag', () => {
    const tagged = cases.find((c) => c.tags.length > 0)!;
    expect(tagged.signals).toEqual([expect.objectContaining({ type: 'chat_message' })]);
    expect(cases.every((c) => c.signals.length === 1)).toBe(true);
  });
});

describe('Spanish triage', () => {
  it('reads es-US with its own data: crisis, adverse event, and a hyperbole that is neither', () => {
    expect(triageText('ya no quiero vivir, tengo todo planeado', 'es-US')[0]).toMatchObject({ kind: 'crisis' });
    expect(triageText('ya no quiero vivir, tengo todo planeado', 'es-US')[0]!.cues).not.toContain('locale_fallback');
    expect(triageText('me salieron ronchas en todo el cuerpo despues de la inyeccion', 'es-US')[0]).toMatchObject({
      kind: 'adverse_event',
    });
    expect(triageText('gracias, todo bien con la entrega', 'es-US')).toEqual([]);
  });

  it("finds the unambiguous by rule: taking one's life in the present tense, an overdose on purpose", () => {
    const ruled = (text: string) => triageText(text, 'es-US').find((f) => f.kind === 'crisis' && f.source === 'rule');
    expect(ruled('si me vuelven a negar la receta me quito la vida')?.cues).toContain('suicide_mention');
    expect(ruled('me tome todas las pastillas a proposito')?.cues).toContain('overdose_intent');
    expect(ruled('me tome todas las pastillas que me tocaban hoy')).toBeUndefined();
  });

  it('falls back from es-MX to es-US, not to en-US, and says so', async () => {
    const [finding] = triageText('me quiero morir', 'es-MX');
    expect(finding).toMatchObject({ kind: 'crisis' });
    expect(finding!.cues).toContain('locale_fallback');
    const { findings, report } = await createOfflineSafetyEngine().triage({
      locale: 'es-MX',
      texts: [{ index: 0, type: 'chat_message', text: 'estoy juntando las pastillas para tomarlas todas' }],
    });
    expect(findings.map((f) => f.kind)).toContain('crisis');
    expect(report.fallback).toBe('locale es-MX read with the es-US safety data');
  });
});
