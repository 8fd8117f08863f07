import { type ComposeBody, composeBody, subjectId } from './compose-requests.js';

/**
 * Ten made-up patients with the identifiers a patient-support programme holds (name, phone,
 * email, postal address, date of birth, SSN, member id), sent both as extra subject fields and
 * inside the free text they wrote. Values are realistic but fictional (555-01xx numbers,
 * example.* domains) and none is an ordinary word, so finding one anywhere is a leak.
 */
export type Person = {
  name: string;
  phone: string;
  email: string;
  address: string;
  city: string;
  zip: string;
  dob: string;
  ssn: string;
  memberId: string;
};

/** One person from `name|phone|email|street address|city|ZIP|date of birth|SSN|member id`. */
const person = (row: string): Person => {
  const [name, phone, email, address, city, zip, dob, ssn, memberId] = row.split('|') as [string, ...string[]];
  return { name, phone, email, address, city, zip, dob, ssn, memberId } as Person;
};

export const PEOPLE = {
  rosalind: person(
    'Rosalind Achterberg|(414) 555-0163|rosalind.achterberg@example.com|1847 Kettering Lane|Duluth|55803|1962-03-14|372-41-8856|LMZ-4471-9920',
  ),
  desmond: person(
    'Desmond Oyelaran|(971) 555-0134|desmond.oyelaran@example.org|62 Wexford Terrace|Beaverton|97005|1985-11-02|518-62-3047|LMZ-2208-6613',
  ),
  ximena: person(
    'Ximena Quiroga|(505) 555-0191|xquiroga71@example.net|409 Arroyo Seco Road|Albuquerque|87104|1971-08-23|585-33-1290|LMZ-9034-1178',
  ),
  thaddeus: person(
    'Thaddeus Krzeminski|(773) 555-0148|thad.krzeminski@example.com|3311 Pulaski Boulevard|Cicero|60804|1949-01-30|327-84-5512|LMZ-7761-0042',
  ),
  annelise: person(
    'Annelise Vandermeer|(616) 555-0117|annelise.vandermeer@example.org|77 Holland Dune Drive|Zeeland|49464|1990-06-09|381-20-7765|LMZ-5580-3391',
  ),
  leopold: person(
    'Leopold Nakamura|(503) 555-0128|leo.nakamura@example.net|915 Alder Crest Court|Tigard|97223|1978-12-05|542-19-6603|LMZ-3127-8845',
  ),
  henrietta: person(
    'Henrietta Szabo|(218) 555-0176|hszabo@example.com|28 Lakewood Hollow|Hibbing|55746|1956-04-17|476-58-2219|LMZ-6649-2083',
  ),
  cornelius: person(
    'Cornelius Abernathy|(804) 555-0152|c.abernathy@example.org|1206 Monument Parkway|Mechanicsville|23111|1958-11-02|226-71-4438|LMZ-1175-5960',
  ),
  margarethe: person(
    'Margarethe Ilunga|(612) 555-0109|m.ilunga@example.net|540 Minnehaha Crossing|Bloomington|55425|1967-09-28|481-27-6650|LMZ-8830-1147',
  ),
  bartholomew: person(
    'Bartholomew Quenneville|(608) 555-0172|bquenneville@example.com|19 Tamarack Ridge|Middleton|53562|1944-02-11|391-06-8124|LMZ-4402-7716',
  ),
};
type PersonKey = keyof typeof PEOPLE;

/** 1962-03-14 as people write it: 03/14/1962. */
const usDate = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8)}/${iso.slice(0, 4)}`;

/** Every value that must never leave: each field, each part of a name, the date of birth as written in text. */
export function personalValues(p: Person): string[] {
  return [...Object.values(p), ...p.name.split(' '), usDate(p.dob)];
}

const fields = (p: Person) => ({
  name: p.name,
  phone: p.phone,
  email: p.email,
  address: { street: p.address, city: p.city, zip: p.zip },
  dob: p.dob,
  ssn: p.ssn,
  memberId: p.memberId,
});

export type Seeded = {
  key: PersonKey;
  subject: string;
  body: ComposeBody;
  expect: 'approved' | 'needs_review' | 'blocked';
};

/** One request per person, with the outcome each is built for (held: crisis language or a lone missed refill). */
export function seededRequests(): Seeded[] {
  const P = PEOPLE;
  const req = (key: PersonKey, signals: ComposeBody['signals'], expect: Seeded['expect'], consents?: boolean) => {
    const subject = subjectId(key.slice(0, 3));
    const body = composeBody(subject, signals, { extra: fields(P[key]) });
    if (consents === false) body.subject.consents = { sms: false, email: false, push: false, web: false };
    return { key, subject, body, expect };
  };
  const survey = (answer: string) => ({ type: 'survey_response', data: { question: 'What got in the way?', answer } });
  const chat = (text: string) => ({ type: 'chat_message', at: '2026-11-21T09:00:00Z', data: { text } });
  const missed = { type: 'refill_missed', at: '2026-11-20T10:00:00Z', data: { daysLate: 9 } };
  const savings = { type: 'page_view', data: { topic: 'savings' } };
  return [
    req(
      'rosalind',
      [
        missed,
        survey(`This is ${P.rosalind.name}. The copay is too expensive, please call ${P.rosalind.phone}`),
        savings,
      ],
      'approved',
    ),
    req(
      'desmond',
      [chat(`I want to end it all. Email me at ${P.desmond.email} or call ${P.desmond.phone}`)],
      'needs_review',
    ),
    req('ximena', [missed], 'needs_review'),
    req(
      'thaddeus',
      [missed, survey(`I can't afford it, my SSN is ${P.thaddeus.ssn} if you need to check my coverage`), savings],
      'blocked',
      false,
    ),
    req(
      'annelise',
      [missed, survey(`Annelise here. The price is too high; my member ID is ${P.annelise.memberId}`), savings],
      'approved',
    ),
    req(
      'leopold',
      [
        chat(
          `My name is ${P.leopold.name}, born ${usDate(P.leopold.dob)}. I can't afford the copay, text ${P.leopold.phone}`,
        ),
        savings,
      ],
      'approved',
    ),
    req(
      'henrietta',
      [
        missed,
        survey(
          `I moved to ${P.henrietta.address}, ${P.henrietta.city}, MN ${P.henrietta.zip} and the copay is more than I can pay`,
        ),
        savings,
      ],
      'approved',
    ),
    req(
      'cornelius',
      [
        chat(
          `Dr. Patel told ${P.cornelius.name} (DOB ${usDate(P.cornelius.dob)}) the cost is covered, but it is not. Too expensive.`,
        ),
        savings,
      ],
      'approved',
    ),
    req(
      'margarethe',
      [
        { type: 'coverage_event', data: { status: 'denied', memberId: P.margarethe.memberId } },
        chat(`Honestly I want to end it all. Write to ${P.margarethe.email}, SSN ${P.margarethe.ssn} is on my file`),
      ],
      'needs_review',
    ),
    req(
      'bartholomew',
      [missed, chat(`Reach Bartholomew at ${P.bartholomew.phone}, he lives at ${P.bartholomew.address}`)],
      'needs_review',
    ),
  ];
}
