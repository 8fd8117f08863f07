import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/privacy/redact.js';

const redact = createRedactor().text;

describe('a street address with what follows it', () => {
  it.each([
    ['12 Oak St, Springfield, IL 62704', '[ADDRESS], [ADDRESS], IL [ZIP]'],
    ['12 oak street springfield il 62704', '[ADDRESS] [ADDRESS] il [ZIP]'],
    ['12 Oak St\nSpringfield, IL 62704', '[ADDRESS]\n[ADDRESS], IL [ZIP]'],
    ['12 Oak St Springfield IL 62704 thanks', '[ADDRESS] [ADDRESS] IL [ZIP] thanks'],
    ['12 Oak Street, Apt 4, Springfield, Illinois 62704', '[ADDRESS], [ADDRESS], Illinois [ZIP]'],
    ['12 Oak St, Springfield IL', '[ADDRESS], [ADDRESS] IL'],
    ['12 Oak St, Springfield 62704', '[ADDRESS], [ADDRESS] [ZIP]'],
    ['10 Pine Rd, Austin, Tx 78701-1234', '[ADDRESS], [ADDRESS], Tx [ZIP]'],
    ['45 Elm Ave, Portland, Oregon', '[ADDRESS], [ADDRESS], Oregon'],
  ])('%j', (text, expected) => expect(redact(text)).toBe(expected));

  it('takes the city only when a state or a ZIP says it is one', () => {
    expect(redact('I live at 12 Oak St so call me')).toBe('I live at [ADDRESS] so call me');
    expect(redact('12 Oak St, about 20000 dollars')).toBe('[ADDRESS], about 20000 dollars');
  });

  it('takes a ZIP+4 anywhere', () => {
    expect(redact('ref 62704-1234 and zip 60614-2201.')).toBe('ref [ZIP] and zip [ZIP].');
  });
});
