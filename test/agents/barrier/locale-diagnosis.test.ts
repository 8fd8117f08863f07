import { beforeAll, describe, expect, it } from 'vitest';
import { type LocaleModels, loadLocaleModels } from '../../../agents/barrier/locale-models.js';
import { createOfflineDiagnosisEngine } from '../../../agents/barrier/offline-diagnosis.js';
import { Diagnosis, type Signal } from '../../../src/domain/compose.js';
import type { DiagnoseInput } from '../../../src/domain/engines.js';

const missed: Signal = { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } };
const chat = (text: string): Signal => ({ type: 'chat_message', data: { text } });
const input = (signals: Signal[], locale?: string): DiagnoseInput => ({
  signals,
  history: { recentMessages: [], recentBarriers: [] },
  program: 'lumenzo-adherence',
  audience: 'patient',
  ...(locale && { locale }),
});

let models: LocaleModels;
beforeAll(() => {
  models = loadLocaleModels();
});
const diagnose = async (signals: Signal[], locale?: string) =>
  (await createOfflineDiagnosisEngine(models).diagnose(input(signals, locale))).diagnosis;

describe('offline diagnosis by the subject locale', () => {
  it.each([
    ['no puedo pagar el copago este mes', 'cost'],
    ['se me olvidó la dosis otra vez', 'forgetfulness'],
    ['me da miedo que me dañe el hígado', 'concerns'],
    ['no entiendo cómo usar la pluma', 'health_literacy'],
    ['la farmacia no la tiene, está agotada', 'access'],
  ])('reads the Spanish %j as %s for an es-US subject, with no language finding', async (text, barrier) => {
    const d = await diagnose([missed, chat(text)], 'es-US');
    expect(Diagnosis.parse(d)).toEqual(d);
    expect(d.barrier).toBe(barrier);
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.evidence.join('\n')).not.toMatch(/language/);
  });

  it('reads an es-MX subject with the es-US model, silently (same language)', async () => {
    const text = 'ando sin lana, no me alcanza pa la medicina';
    const mx = await diagnose([missed, chat(text)], 'es-MX');
    expect(mx).toEqual(await diagnose([missed, chat(text)], 'es-US'));
    expect(mx.barrier).toBe('cost');
  });

  it('makes Spanish text from an en-US subject a finding and reads it with the Spanish model', async () => {
    const d = await diagnose([missed, chat('se me olvido el refill otra vez')], 'en-US');
    expect(d.barrier).toBe('forgetfulness');
    expect(d.evidence).toContainEqual(
      expect.stringMatching(
        /^signals\[1\] chat_message: text language es differs from subject locale en-US \(p=[01]\.\d\d\); read with the es-US model$/,
      ),
    );
  });

  it('makes English text from an es-US subject a finding and reads it with the English model', async () => {
    const d = await diagnose([missed, chat('the copay went up and I cannot afford it')], 'es-US');
    expect(d.barrier).toBe('cost');
    expect(d.evidence.join('\n')).toMatch(/text language en differs from subject locale es-US/);
  });

  it('reads English by default, as before locales existed', async () => {
    const d = await diagnose([missed, chat('i keep forgetting to take it in the mornings')]);
    expect(d.barrier).toBe('forgetfulness');
    expect(d.evidence.join('\n')).not.toMatch(/language|locale/);
  });

  it('says when the subject locale has no model of its language, without echoing the client string', async () => {
    const d = await diagnose([missed, chat('the copay is too expensive')], 'fr-ZZ');
    expect(d.evidence[0]).toBe("no barrier model in the subject's language; text read with the en-US model");
    expect(d.evidence.join('\n')).not.toContain('fr-ZZ');
  });

  it("never copies the person's Spanish words into the evidence", async () => {
    const words = 'mi vecina Zoraida Quintanilla de la calle Olmo dice que el copago es un robo';
    const d = await diagnose([missed, chat(words)], 'en-US');
    for (const word of ['Zoraida', 'Quintanilla', 'Olmo', 'robo', 'vecina'])
      expect(d.evidence.join('\n')).not.toContain(word);
  });

  it('reads a Spanish subject better with the Spanish model than the English one would', async () => {
    const english = createOfflineDiagnosisEngine(models.models.get('en-US')!);
    const text = 'me da pena que mis compañeros sepan que me inyecto';
    const single = (await english.diagnose(input([missed, chat(text)], 'es-US'))).diagnosis;
    const spanish = await diagnose([missed, chat(text)], 'es-US');
    expect(spanish.barrier).toBe('social_influence');
    expect(spanish.confidence).toBeGreaterThan(single.barrier === 'social_influence' ? single.confidence : 0);
  });
});
