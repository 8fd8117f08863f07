import { BARRIERS, Block, type BlockKind, type Channel } from '../../src/domain/block.js';
import type { BlockFilter } from '../../src/domain/ports.js';

/** Deterministic PRNG (mulberry32), so every run imports and queries the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, pick, int };
}
type Rng = ReturnType<typeof rng>;

const PROGRAMS = [
  { program: 'lumenzo-adherence', brand: 'Lumenzo', condition: 'plaque psoriasis', form: 'weekly pen' },
  { program: 'corvana-support', brand: 'Corvana', condition: 'heart failure', form: 'daily tablet' },
  { program: 'elvastin-onboarding', brand: 'Elvastin', condition: 'high cholesterol', form: 'evening tablet' },
  { program: 'respira-copd', brand: 'Respira', condition: 'COPD', form: 'inhaler' },
  { program: 'glucara-start', brand: 'Glucara', condition: 'type 2 diabetes', form: 'monthly injection' },
] as const;
const AUDIENCES = ['patient', 'patient', 'patient', 'caregiver', 'hcp'] as const;

// `{a|b}` picks one alternative; `$brand`, `$condition` and `$form` name the programme.
const BY_BARRIER: Record<string, string[]> = {
  cost: [
    'The $brand savings card may lower your {copay|out-of-pocket cost} to as little as {$0|$5|$10} a {month|fill}.',
    '{Worried about|Struggling with} the cost of $brand? Our {benefits team|support coordinators} can check your {insurance|coverage} and {savings options|assistance programs}.',
    'If your {pharmacy|insurer} asks for a high {copay|deductible}, {call|text} us before you skip a {dose|refill}.',
  ],
  concerns: [
    'Most {side effects|reactions} with $brand are {mild|short-lived}, such as {redness at the injection site|a mild headache|an upset stomach}.',
    'Tell your {doctor|nurse|pharmacist} about any {side effect|symptom} that {bothers you|does not go away}; they can {help you manage it|adjust your plan}.',
    'It is normal to {have questions|feel unsure} about a new {medicine|treatment}. Write them down for your next {visit|call}.',
  ],
  necessity: [
    '$condition can {get worse|progress} even when you feel well, so {taking|using} your $form {on schedule|every time} {matters|keeps working for you}.',
    '$brand works {over time|best when taken as prescribed}; stopping early can let {symptoms|flares} come back.',
  ],
  trust: [
    '$brand was studied in {thousands of|many} adults with $condition in {clinical trials|large studies}.',
    'Our {nurses|educators} are {licensed|trained} professionals who {answer questions|explain the facts} without {sales pressure|judgment}.',
  ],
  health_literacy: [
    'Here is a {simple|short|step-by-step} guide to using your $form, with {pictures|a video|large print}.',
    '{Not sure|Confused about} what a {word|term} on your {label|leaflet} means? Ask us and we will explain it in plain language.',
  ],
  forgetfulness: [
    'Set a {reminder|phone alarm|calendar alert} for your $form so you {never miss|remember} a dose.',
    'Keep your $form {next to your toothbrush|by the coffee maker|in the same spot} to make it part of your {routine|day}.',
    '{Missed|Forgot} a dose? {Check your leaflet|Call your pharmacist} for what to do next, and do not double up.',
  ],
  access: [
    'Need help with {prior authorization|an insurance appeal|specialty pharmacy}? Our {access team|case managers} can {work with|call} your {doctor|insurer}.',
    '$brand can be {delivered|shipped} to your {home|door} through a {specialty pharmacy|mail-order pharmacy}.',
  ],
  social_influence: [
    '{Many|Thousands of} people living with $condition {share tips|support each other} in our {community|peer program}.',
    'Ask a {family member|friend|caregiver} to {check in|remind you} on {dose day|refill day}.',
  ],
  emotional: [
    'Living with $condition can feel {overwhelming|tiring|stressful}. You are not alone, and {support|help} is {available|a call away}.',
    'Small steps count. {Celebrate|Notice} each {week|month} you stay on track with $brand.',
  ],
};
const BY_KIND: Partial<Record<BlockKind, string[]>> = {
  greeting: [
    '{Hi|Hello|Welcome} from the $brand Support Program.',
    '{Hi|Hello} from your $brand {care team|nurse educator}.',
  ],
  cta: ['{Call|Text} 1-800-555-0142 or visit the $brand support site to {learn more|get started|talk to a nurse}.'],
  isi: [
    'Important Safety Information: $brand may cause {serious infections|allergic reactions|low blood sugar}. See full Prescribing Information.',
  ],
  question: ['What makes it {hard|difficult} to {take|use} your $form {on time|every week} right now?'],
};
const FILLER = [
  'Your {care team|nurse educator|pharmacist} is here to help.',
  'Reply STOP to opt out of messages.',
  'Support is {free|available} for everyone {prescribed|taking} $brand.',
  'Talk with your {doctor|healthcare provider} before changing how you take $brand.',
];

function fill(r: Rng, template: string, p: (typeof PROGRAMS)[number]): string {
  return template
    .replace(/\{([^}]*)\}/g, (_, alts: string) => r.pick(alts.split('|')))
    .replace(/\$brand/g, p.brand)
    .replace(/\$condition/g, p.condition)
    .replace(/\$form/g, p.form);
}

function textFor(r: Rng, kind: BlockKind, barriers: string[], p: (typeof PROGRAMS)[number]): string {
  // Opens with the kind's own sentence, then mostly its barriers' (or any barrier's) sentences.
  const topical = barriers.length ? barriers.flatMap((b) => BY_BARRIER[b]!) : Object.values(BY_BARRIER).flat();
  const target = r.int(20, 60);
  const sentences = [fill(r, r.pick(BY_KIND[kind] ?? topical), p)];
  let words = sentences[0]!.split(' ').length;
  while (words < target) {
    const s = fill(r, r.pick(r.next() < 0.7 ? topical : FILLER), p);
    const n = s.split(' ').length;
    if (words + n > 60 && words >= 20) break;
    sentences.push(s);
    words += n;
  }
  return sentences.join(' ');
}

const KINDS: BlockKind[] = ['support', 'support', 'support', 'education', 'education', 'claim', 'cta', 'greeting'];
const WITH_BARRIERS = new Set<BlockKind>(['support', 'education', 'claim']);
const REAL_BARRIERS = BARRIERS.filter((b) => b !== 'none');
const ALL_CHANNELS: Channel[] = ['sms', 'email', 'push', 'web'];

const isoDay = (base: string, days: number) =>
  new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** `n` valid blocks over 5 programmes; on 2026-11-25 about 28% are past their approval window. */
export function generateBlocks(n: number, seed = 1): Block[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = r.pick(PROGRAMS);
    const audience = r.pick(AUDIENCES);
    const kind: BlockKind = r.next() < 0.05 ? 'isi' : r.next() < 0.05 ? 'question' : r.pick(KINDS);
    const barriers = WITH_BARRIERS.has(kind)
      ? [...new Set([r.pick(REAL_BARRIERS), r.pick(REAL_BARRIERS)])].slice(0, r.int(1, 2))
      : [];
    const pool = audience === 'hcp' ? ALL_CHANNELS.filter((c) => c === 'email' || c === 'web') : ALL_CHANNELS;
    const channels = pool.filter(() => r.next() < 0.5);
    const approvedAt = isoDay('2025-01-01', r.int(0, 660));
    return Block.parse({
      id: `BENCH-${p.brand.toUpperCase()}-${String(i).padStart(6, '0')}`,
      program: p.program,
      brand: p.brand,
      audience,
      channels: channels.length ? channels : [r.pick(pool)],
      kind,
      requiresIsi: kind === 'claim',
      tags: { barriers, bcts: barriers.length ? [r.pick(['1.2', '3.1', '5.1', '7.1', '9.1'])] : [], topics: [kind] },
      text: textFor(r, kind, barriers, p),
      locale: 'en-US',
      approval: { code: `BN-US-${i}`, approvedAt, expiresAt: isoDay(approvedAt, r.int(180, 900)) },
    });
  });
}

const QUERY_TEMPLATES = [
  '{cant|can not|cannot} afford my {copay|refill|medicine}',
  '{worried|scared|nervous} about side {effects|efects}',
  '{forgot|missed} my {dose|shot|pill} {again|yesterday}',
  'why do I need to keep taking it when I feel {fine|better}',
  'insurance {denied|rejected} prior {authorization|authorisation}',
  '{confused|unsure} how to use the {pen|inhaler|tablet}',
  'feeling {overwhelmed|alone|tired} with my {condition|treatment}',
  'is this {medicine|drug} {safe|tested|proven}',
  '{family|friends} {remind|support} me',
  'savings card {copay|cost} help',
  '{delivery|mail order} pharmacy {home|shipping}',
  'talk to a {nurse|pharmacist} about {symptoms|flares|dose}',
];

export type BenchQuery = { q: string; filter: BlockFilter & { limit: number } };

/** `n` varied queries, each with a programme and usually audience, channel and a day for the approval window. */
export function generateQueries(n: number, seed = 7): BenchQuery[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const p = r.pick(PROGRAMS);
    const q = `${fill(r, r.pick(QUERY_TEMPLATES), p)}${r.next() < 0.3 ? ` ${p.brand}` : ''}`;
    const filter: BenchQuery['filter'] = {
      program: p.program,
      limit: 10,
      at: r.pick(['2026-11-25', '2026-03-01', '2027-06-15']),
    };
    if (r.next() < 0.9) filter.audience = r.pick(AUDIENCES);
    const channels =
      filter.audience === 'hcp' ? ALL_CHANNELS.filter((c) => c === 'email' || c === 'web') : ALL_CHANNELS;
    if (r.next() < 0.8) filter.channel = r.pick(channels);
    return { q, filter };
  });
}
