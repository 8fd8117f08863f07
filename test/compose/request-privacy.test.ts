import { describe, expect, it } from 'vitest';
import { personalValues } from '../../src/compose/request-privacy.js';
import { ComposeRequest } from '../../src/domain/compose.js';

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
