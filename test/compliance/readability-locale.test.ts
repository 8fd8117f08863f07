import { describe, expect, it } from 'vitest';
import { fernandezHuerta, readabilityReport, readingGrade } from '../../src/compliance/readability.js';

describe('readability by locale', () => {
  it('computes Fernández Huerta from words, sentences and Spanish syllables', () => {
    // 5 words, 1 sentence, 9 syllables: Lla-me a su en-fer-me-ra hoy.
    expect(fernandezHuerta('Llame a su enfermera hoy.')).toBeCloseTo(206.84 - 60 * (9 / 5) - 1.02 * 5, 5);
    // 8 words, 2 sentences, 19 syllables: Po-de-mos a-yu-dar. Su tar-je-ta pue-de a-yu-dar-le a pa-gar.
    expect(fernandezHuerta('Podemos ayudar. Su tarjeta puede ayudarle a pagar.')).toBeCloseTo(
      206.84 - 60 * (19 / 8) - 1.02 * 4,
      5,
    );
  });

  it('scores plain Spanish higher (easier) than dense Spanish', () => {
    const plain = 'Llame hoy. Una enfermera le puede ayudar.';
    const dense =
      'La administración concomitante de inmunosupresores incrementa considerablemente la probabilidad de infecciones oportunistas.';
    expect(fernandezHuerta(plain)).toBeGreaterThan(fernandezHuerta(dense));
  });

  it('chooses the formula by the text locale and says which scale it used', () => {
    const es = readabilityReport('Llame hoy. Una enfermera le puede ayudar.', 'patient', 'es-US')!;
    expect(es).toMatchObject({
      scale: 'fernandez-huerta',
      grade: null,
      target: 60,
      targetIs: 'min',
      withinTarget: true,
    });
    expect(es.score).toBeCloseTo(Math.round(fernandezHuerta('Llame hoy. Una enfermera le puede ayudar.') * 10) / 10, 5);
    const en = readabilityReport('Call us. We can help you pay for your shots.', 'patient', 'en-US')!;
    expect(en).toMatchObject({ scale: 'flesch-kincaid', target: 8, targetIs: 'max', withinTarget: true });
    expect(en.grade).toBe(en.score);
    expect(en.score).toBeCloseTo(Math.round(readingGrade('Call us. We can help you pay for your shots.') * 10) / 10, 5);
  });

  it('scores one text on each scale again as it did the first time (scores are remembered by scale)', () => {
    const text = 'Llame hoy. Una enfermera le puede ayudar con el pago.';
    const first = [
      readabilityReport(text, 'patient', 'en-US')!.score,
      readabilityReport(text, 'patient', 'es-US')!.score,
    ];
    const again = [
      readabilityReport(text, 'patient', 'es-US')!.score,
      readabilityReport(text, 'patient', 'en-US')!.score,
    ];
    expect(first).toEqual([Math.round(readingGrade(text) * 10) / 10, Math.round(fernandezHuerta(text) * 10) / 10]);
    expect(again).toEqual([first[1], first[0]]);
  });

  it('fails the Spanish target on dense text, reads es-MX with the Spanish formula, and has none for an unknown language', () => {
    const dense =
      'La administración concomitante de inmunosupresores incrementa considerablemente la probabilidad de infecciones oportunistas.';
    expect(readabilityReport(dense, 'patient', 'es-US')).toMatchObject({ withinTarget: false });
    expect(readabilityReport(dense, 'hcp', 'es-US')).toMatchObject({ target: null, withinTarget: null });
    expect(readabilityReport(dense, 'patient', 'es-MX')?.scale).toBe('fernandez-huerta');
    expect(readabilityReport(dense, 'patient', 'xx-XX')).toBeNull();
  });
});
