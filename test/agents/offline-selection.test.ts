import { describe, expect, it } from 'vitest';
import { selectBlocks } from '../../agents/composer/offline-selection.js';
import type { Barrier, Channel, ContentBlock } from '../../src/domain/block.js';
import type { SelectInput } from '../../src/domain/engines.js';

const PROGRAM = 'sel-program';

type Overrides = Partial<Omit<ContentBlock, 'tags'>> & { barriers?: Barrier[]; bcts?: string[] };
function cb(id: string, text: string, o: Overrides = {}): ContentBlock {
  const { barriers = [], bcts = [], ...rest } = o;
  return {
    id,
    program: PROGRAM,
    audience: 'patient',
    channels: ['sms', 'email'],
    kind: 'support',
    requiresIsi: false,
    tags: { barriers, bcts, topics: [] },
    text,
    locale: 'en-US',
    approval: { code: `AP-${id}`, approvedAt: '2026-01-01', expiresAt: '2027-12-31' },
    version: 1,
    ...rest,
  };
}

const GREET = cb('GREET', 'Hi from Testra Support.', { kind: 'greeting' });
const CTA = cb('CTA', 'Reply HELP to reach a nurse.', { kind: 'cta' });
const ISI = cb('ISI', 'Important Safety Info: testra.example.com/isi.', { kind: 'isi' });
const QUESTION = cb('Q', 'Is anything making it hard to refill? Reply COST or OTHER.', { kind: 'question' });
const COST = cb('COST-1', 'Our team can check your coverage and look for ways to lower what you pay.', {
  barriers: ['cost'],
  bcts: ['3.2', '1.2'],
});
const COST_2 = cb('COST-2', 'Eligible patients may pay less with the savings card. Restrictions apply.', {
  barriers: ['cost'],
  bcts: ['12.1'],
});
const CONCERNS = cb('CONC-1', 'Tell your doctor about any side effect that bothers you.', { barriers: ['concerns'] });

function input(candidates: ContentBlock[], o: Partial<SelectInput> & { barrier?: Barrier; channel?: Channel } = {}) {
  const { barrier = 'cost', channel = 'sms', ...rest } = o;
  return {
    diagnosis: { barrier, confidence: 0.9, evidence: [], alternatives: [] },
    strategy: {
      techniques: [
        { code: '3.2', name: 'Social support (practical)' },
        { code: '1.2', name: 'Problem solving' },
      ],
      rationale: '',
    },
    channel,
    candidates,
    faults: [],
    ...rest,
  } satisfies SelectInput;
}

describe('offline block selection', () => {
  it('prefers, among blocks carrying a planned technique, the one retrieval found most relevant', () => {
    const card = {
      ...cb('CARD', 'Eligible insured patients may pay less with the savings card.', {
        barriers: ['cost'],
        bcts: ['3.2', '1.2'],
      }),
      score: 0.01,
    };
    const pap = {
      ...cb('PAP', 'Uninsured patients may get the medicine at no cost through assistance.', {
        barriers: ['cost'],
        bcts: ['3.2'],
      }),
      score: 0.03,
    };
    expect(selectBlocks(input([GREET, card, pap, CTA]))).toEqual(['GREET', 'PAP', 'CTA']);
    expect(selectBlocks(input([GREET, { ...card, score: 0.03 }, { ...pap, score: 0.01 }, CTA]))).toEqual([
      'GREET',
      'CARD',
      'CTA',
    ]);
  });

  it('orders greeting, the barrier block and the call to action', () => {
    expect(selectBlocks(input([CTA, CONCERNS, COST, GREET]))).toEqual(['GREET', 'COST-1', 'CTA']);
  });

  it('picks the body block that carries the planned techniques', () => {
    expect(selectBlocks(input([GREET, COST_2, COST, CTA]))).toEqual(['GREET', 'COST-1', 'CTA']);
  });

  it('never picks a block of another barrier, or one not approved for the channel', () => {
    const emailOnly = cb('COST-EMAIL', 'A longer cost note for email readers.', {
      barriers: ['cost'],
      channels: ['email'],
    });
    const ids = selectBlocks(input([GREET, CONCERNS, emailOnly, COST_2, CTA]));
    expect(ids).toEqual(['GREET', 'COST-2', 'CTA']);
  });

  it('adds the ISI block last when a chosen block requires it, and not otherwise', () => {
    const claim = cb('CLAIM', 'In studies, 7 in 10 adults had clear skin at week 16.', {
      kind: 'claim',
      requiresIsi: true,
      barriers: ['necessity'],
    });
    expect(selectBlocks(input([GREET, claim, CTA, ISI], { barrier: 'necessity' }))).toEqual([
      'GREET',
      'CLAIM',
      'CTA',
      'ISI',
    ]);
    expect(selectBlocks(input([GREET, COST, CTA, ISI]))).not.toContain('ISI');
  });

  it('uses up to two body blocks on long channels (email)', () => {
    const ids = selectBlocks(input([GREET, COST, COST_2, CTA], { channel: 'email' }));
    expect(ids).toEqual(['GREET', 'COST-1', 'COST-2', 'CTA']);
  });

  it('prefers a call to action for the barrier, else a generic one over another barrier’s', () => {
    const costCta = cb('CTA-COST', 'See if you can save at testra.example.com/savings.', {
      kind: 'cta',
      barriers: ['cost'],
    });
    const longGenericCta = cb('CTA-GEN', 'Questions? Call our nurses any weekday from 8 am to 8 pm ET.', {
      kind: 'cta',
    });
    expect(selectBlocks(input([GREET, COST, costCta, longGenericCta])).at(-1)).toBe('CTA-COST');
    const concerns = selectBlocks(input([GREET, CONCERNS, costCta, longGenericCta], { barrier: 'concerns' }));
    expect(concerns).toEqual(['GREET', 'CONC-1', 'CTA-GEN']);
  });

  it('on revision, leaves out the blocks the compliance round faulted', () => {
    const faults = [{ rule: 'prohibited_claims', passed: false, detail: 'cure', blockIds: ['COST-1'] }];
    expect(selectBlocks(input([GREET, COST, COST_2, CTA], { faults }))).toEqual(['GREET', 'COST-2', 'CTA']);
    expect(selectBlocks(input([GREET, COST, CTA], { faults }))).toEqual([]);
  });

  it('prefers a block the subject has not seen this week over an equally fitting one', () => {
    const twin = cb('COST-3', `${COST.text} Our team replies within one business day.`, {
      barriers: ['cost'],
      bcts: ['3.2', '1.2'],
    });
    expect(selectBlocks(input([GREET, COST, twin, CTA]))).toEqual(['GREET', 'COST-1', 'CTA']);
    expect(selectBlocks(input([GREET, COST, twin, CTA], { recentBlockIds: ['COST-1'] }))).toEqual([
      'GREET',
      'COST-3',
      'CTA',
    ]);
  });

  it('asks the approved clarifying question instead of guessing when told to clarify', () => {
    const ids = selectBlocks(input([GREET, COST, QUESTION, CTA], { clarify: true }));
    expect(ids).toEqual(['GREET', 'Q', 'CTA']);
  });

  it('drops optional pieces (greeting, then call to action) until SMS fits in 320 characters', () => {
    const long = (n: number) =>
      cb(`LONG-${n}`, `${'Our team can help you save. '.repeat(n)}End.`, { barriers: ['cost'] });
    const fitsWithCta = long(10); // 284 characters: greeting + block + cta is 337, block + cta 313
    expect(selectBlocks(input([GREET, fitsWithCta, CTA]))).toEqual(['LONG-10', 'CTA']);
    const onlyAlone = long(11); // 312 characters: only the block itself fits
    expect(selectBlocks(input([GREET, onlyAlone, CTA]))).toEqual(['LONG-11']);
  });

  it('keeps the ISI with a claim even when SMS length forces the greeting and cta out', () => {
    const claim = cb('CLAIM-LONG', `${'In studies most adults had clearer skin. '.repeat(6)}Results vary.`, {
      kind: 'claim',
      requiresIsi: true,
      barriers: ['necessity'],
    });
    expect(selectBlocks(input([GREET, claim, CTA, ISI], { barrier: 'necessity' }))).toEqual(['CLAIM-LONG', 'ISI']);
  });

  it('returns no blocks when nothing addresses the barrier', () => {
    expect(selectBlocks(input([GREET, CONCERNS, CTA, ISI]))).toEqual([]);
    expect(selectBlocks(input([]))).toEqual([]);
  });
});
