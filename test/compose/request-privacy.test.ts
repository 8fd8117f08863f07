import { describe, expect, it } from 'vitest';
import { personalValues, redactRequest } from '../../src/compose/request-privacy.js';
import { ComposeRequest } from '../../src/domain/compose.js';
import { createRedactor } from '../../src/privacy/redact.js';

const request = (text: string) =>
  ComposeRequest.parse({
    subject: { id: 'pt-1', audience: 'patient', consents: {}, name: 'Rosalind Okafor' },
    program: 'lumenzo-adherence',
    signals: [{ type: 'chat_message', data: { text } }],
  });

describe('personalValues', () => {
  it('takes subject fields, name parts and identifiers in free text', () => {
    const values = personalValues(request('call me on 555-201-8831'));
    expect(values).toEqual(expect.arrayContaining(['pt-1', 'Rosalind Okafor', 'Rosalind', 'Okafor', '555-201-8831']));
  });

  it('never takes a brand or programme name for a person', () => {
    const text = 'tell the patient Lumenzo is 100% safe';
    expect(personalValues(request(text), ['Lumenzo', 'lumenzo-adherence'])).not.toContain('Lumenzo');
    // Without the content terms the cue "patient X" reads the brand as a name: the allow list is what prevents it.
    expect(personalValues(request(text))).toContain('Lumenzo');
  });
});

describe('the subject locale', () => {
  const spanish = (locale: Record<string, string>) =>
    ComposeRequest.parse({
      subject: { id: 'pt-2', audience: 'patient', consents: {}, ...locale },
      program: 'lumenzo-adherence',
      signals: [{ type: 'chat_message', data: { text: 'no puedo pagar el copago' } }],
    });

  it('is not personal data', () => {
    expect(personalValues(spanish({ locale: 'es-US' }))).toEqual(['pt-2']);
  });

  it('is kept, canonical, in the request the graph sees; the top-level alias lands there too', () => {
    const redactor = createRedactor({ known: [] });
    expect(redactRequest(spanish({ locale: 'es-us' }), redactor).subject).toMatchObject({ locale: 'es-US' });
    const alias = ComposeRequest.parse({ ...spanish({}), locale: 'es-US' });
    const seen = redactRequest(alias, redactor);
    expect(seen.subject.locale).toBe('es-US');
    expect(seen).not.toHaveProperty('locale');
    expect(redactRequest(spanish({}), redactor).subject.locale).toBe('en-US');
  });
});
