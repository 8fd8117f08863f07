import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSafetyLocale } from '../../../agents/safety/load-safety-locale.js';
import { createOfflineSafetyEngine } from '../../../agents/safety/offline-safety-engine.js';
import { triageText, triageWith } from '../../../agents/safety/triage-text.js';

const en = loadSafetyLocale('en-US');
const kinds = (text: string) => triageWith(en, text).map((f) => f.kind);
const KNOWN_CUES = new Set([
  ...en.rules.rules.map((r) => r.cue),
  ...[...en.profile.cuesByStem.values()].flat(),
  'classifier',
  'locale_fallback',
  'scan_capped',
]);

const FILLER =
  'The copay card worked at the pharmacy this month and the delivery came on Tuesday. My skin is mostly clear ' +
  'on my arms now, although my scalp still flakes in the winter. I did the injection in my thigh like the nurse ' +
  'showed me. ';

describe('triage of one text (rules + classifier)', () => {
  it('finds indirect crisis language no rule was written for', () => {
    expect(kinds('I keep thinking my family would be fine if I just was not around anymore')).toContain('crisis');
  });

  it('finds a crisis sentence inside a long ordinary message (windows, not the whole text)', () => {
    const text = `${FILLER.repeat(6)}Honestly I have been thinking about ending it all. ${FILLER.repeat(6)}`;
    expect(text.length).toBeGreaterThan(2000);
    expect(kinds(text)).toContain('crisis');
  });

  it('finds a crisis statement with no punctuation in a run-on message', () => {
    const text = `${FILLER.replace(/[.,]/g, '').repeat(4)} i want to die i cant do this anymore ${FILLER.replace(/[.,]/g, '').repeat(4)}`;
    expect(kinds(text)).toContain('crisis');
  });

  it('returns every kind a text carries, most severe first', () => {
    expect(kinds('After my shot my face swelled up. Is it safe to take Benadryl with Lumenzo?')).toEqual([
      'adverse_event',
      'medical_information',
    ]);
  });

  it('leaves cost hyperbole, impatience and worry about side effects that have not happened alone', () => {
    for (const text of [
      'This price is killing me',
      'the wait for the prior auth is killing me',
      "I'm scared of the side effects, I read it can cause infections",
      'My skin is clear now so I don’t think I need it anymore.',
    ]) {
      expect(kinds(text), text).toEqual([]);
    }
  });

  it('scores in 0..1 and names only rules and lexicon categories as cues', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...'i want die pills hives pen jammed pregnant can drink broke rash end it all'.split(' ')),
          {
            maxLength: 30,
          },
        ),
        fc.string({ maxLength: 40 }),
        (words, noise) => {
          for (const f of triageWith(en, `${words.join(' ')} ${noise}`)) {
            expect(f.score).toBeGreaterThanOrEqual(0);
            expect(f.score).toBeLessThanOrEqual(1);
            for (const cue of f.cues) expect(KNOWN_CUES.has(cue), cue).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('finishes on a megabyte single token and on a megabyte text, and says when it stopped classifying', () => {
    expect(triageWith(en, 'z'.repeat(1 << 20))).toEqual([]);
    const findings = triageWith(en, `I want to kill myself. ${'fine thanks '.repeat(90_000)}`);
    expect(findings[0]).toMatchObject({ kind: 'crisis', source: 'rule' });
    expect(findings[0]!.cues).toContain('scan_capped');
  });
});

describe('locale of the text', () => {
  it('reads en-US with en-US data and says nothing about locale', () => {
    expect(triageText('i wanna kms', 'en-US')[0]!.cues).not.toContain('locale_fallback');
  });

  it('falls back to en-US for a language with no data, and says so in every finding', () => {
    const [finding] = triageText('i wanna kms', 'fr-CA');
    expect(finding).toMatchObject({ kind: 'crisis' });
    expect(finding!.cues).toContain('locale_fallback');
  });
});

describe('createOfflineSafetyEngine', () => {
  it('reports findings by signal index and type, never the text', async () => {
    const engine = createOfflineSafetyEngine();
    const { findings, report } = await engine.triage({
      locale: 'en-US',
      texts: [
        { index: 0, type: 'survey_response', text: 'The copay is too high this month' },
        { index: 2, type: 'chat_message', text: 'my mom broke out in hives after her shot' },
      ],
    });
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'adverse_event', signalIndex: 2, signalType: 'chat_message', source: 'rule' }),
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/hives|mom/);
    expect(report).toEqual({ engine: 'offline', toolCalls: [], modelCalls: [] });
  });

  it('names the fallback in its report when the locale has no data', async () => {
    const { report } = await createOfflineSafetyEngine().triage({ locale: 'de-DE', texts: [] });
    expect(report.fallback).toBe('locale de-DE read with the en-US safety data');
  });
});
