import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fernandezHuerta } from '../../src/compliance/readability.js';
import { BARRIERS, CHANNELS, type Channel } from '../../src/domain/block.js';
import type { ComposeAnswer } from '../../src/domain/compose.js';
import { BARRIER_SIGNALS_ES } from '../support/barrier-signals.es-US.js';
import { block } from '../support/blocks.js';
import { compose, subjectId } from '../support/compose-requests.js';
import { startTestService, type TestService } from '../support/service.js';

type LibraryBlock = { id: string; kind: string; locale: string; text: string };

let svc: TestService;
let library: Map<string, LibraryBlock>;
beforeAll(async () => {
  svc = await startTestService();
  const res = await svc.call('GET', '/v1/content/blocks?program=lumenzo-adherence&limit=500', { key: 'strategist' });
  library = new Map(((await res.json()) as { blocks: LibraryBlock[] }).blocks.map((b) => [b.id, b]));
});
afterAll(() => svc?.close());

const ALL_CHANNELS = { sms: true, email: true, push: true, web: true };
const spanishSubject = (id = subjectId('es')) => ({ id, audience: 'patient', consents: ALL_CHANNELS, locale: 'es-US' });
const localesOf = (a: ComposeAnswer) => a.message!.blocks.map((b) => library.get(b.id)!.locale);

describe('a Spanish-speaking patient over HTTP', () => {
  const barriers = BARRIERS.filter((b) => b !== 'none');

  it.each(barriers.flatMap((barrier) => CHANNELS.map((channel) => [barrier, channel] as const)))(
    '%s on %s: diagnosed in Spanish, answered with compliant Spanish blocks only',
    async (barrier, channel: Channel) => {
      const a = await compose(svc, {
        subject: spanishSubject(),
        program: 'lumenzo-adherence',
        channel,
        signals: BARRIER_SIGNALS_ES[barrier],
      });
      expect(a.diagnosis?.barrier).toBe(barrier);
      expect(a.status).toBe('approved');
      expect(a.locale).toBe('es-US');
      expect(a.compliance.verdict).toBe('pass');
      expect(a.compliance.checks.find((c) => c.rule === 'locale')).toMatchObject({ passed: true });
      expect(new Set(localesOf(a))).toEqual(new Set(['es-US']));
      // Each block is Spanish text from the library, verbatim, and the greeting/CTA are the Spanish ones.
      expect(a.message!.blocks.every((b) => b.id.startsWith('LZ-ES-') && b.approvalCode.startsWith('LZ-US-ES-'))).toBe(
        true,
      );
      const lay = a.message!.blocks.map((b) => library.get(b.id)!).filter((b) => b.kind !== 'isi');
      expect(a.compliance.readability).toMatchObject({ scale: 'fernandez-huerta', targetIs: 'min', target: 60 });
      expect(a.compliance.readability!.score).toBeCloseTo(
        Math.round(fernandezHuerta(lay.map((b) => b.text).join(' ')) * 10) / 10,
        5,
      );
    },
  );

  it('stays silent when nothing is wrong', async () => {
    const a = await compose(svc, {
      subject: spanishSubject(),
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.none,
    });
    expect(a).toMatchObject({ status: 'skipped', message: null, locale: 'es-US' });
  });

  it('reads the top-level locale as an alias of subject.locale', async () => {
    const { locale: _, ...subject } = spanishSubject();
    const a = await compose(svc, {
      subject,
      locale: 'es-us',
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.cost,
    });
    expect(a).toMatchObject({ status: 'approved', locale: 'es-US', diagnosis: { barrier: 'cost' } });
    expect(new Set(localesOf(a))).toEqual(new Set(['es-US']));
  });

  it('traces the locale as a code, and the locale is never taken for personal data', async () => {
    const a = await compose(svc, {
      subject: spanishSubject(),
      program: 'lumenzo-adherence',
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.cost,
    });
    const trace = (await (await svc.call('GET', `/v1/traces/${a.traceId}`, { key: 'reviewer' })).json()) as {
      steps: Array<{ node: string; input: Record<string, unknown> }>;
    };
    const input = (node: string) => trace.steps.find((s) => s.node === node)!.input;
    expect(input('load_context')).toMatchObject({ locale: 'es-US' });
    expect(input('diagnose_barrier')).toMatchObject({ locale: 'es-US' });
    expect(input('plan_strategy')).toMatchObject({ locale: 'es-US' });
    expect(input('assemble_message')).toMatchObject({ locale: 'es-US' });
    expect(input('check_compliance')).toMatchObject({ locale: 'es-US' });
    // Redaction would have replaced a personal value: the locale survives as written.
    expect(JSON.stringify(trace)).not.toMatch(/\[[A-Z]+\]/);
  });

  it('holds a content gap for the locale when the programme has no Spanish block, never sending English', async () => {
    const program = `gap-es-${subjectId('p')}`;
    const english = [
      block({ program, channels: ['sms'], kind: 'greeting', tags: { barriers: [], bcts: [] } }),
      block({ program, channels: ['sms'], tags: { barriers: ['cost'], bcts: ['3.2'] } }),
      block({ program, channels: ['sms'], kind: 'question', tags: { barriers: [], bcts: [] } }),
    ];
    const imported = await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks: english } });
    expect(imported.status).toBe(200);
    const a = await compose(svc, {
      subject: spanishSubject(),
      program,
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.cost,
    });
    expect(a).toMatchObject({
      status: 'needs_review',
      message: null,
      review: { reason: 'content_gap: no usable es-US block for cost on sms' },
    });
    const gaps = (await (await svc.call('GET', '/v1/content/gaps', { key: 'strategist' })).json()) as {
      gaps: Array<Record<string, unknown>>;
    };
    expect(gaps.gaps).toContainEqual(
      expect.objectContaining({ program, barrier: 'cost', channel: 'sms', locale: 'es-US', count: 1 }),
    );
    // The same programme still answers an English subject in English.
    const en = await compose(svc, {
      subject: { ...spanishSubject(), locale: 'en-US' },
      program,
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.cost,
    });
    expect(en.status).toBe('approved');
  });

  it('asks an approved Spanish clarifying question, not an English one, when the Spanish barrier block is missing', async () => {
    const program = `gap-q-${subjectId('p')}`;
    const es = { locale: 'es-US', channels: ['sms' as const] };
    const blocks = [
      block({
        program,
        ...es,
        kind: 'question',
        text: '¿Algo le impide recoger su resurtido?',
        tags: { barriers: [], bcts: [] },
      }),
      block({ program, channels: ['sms'], tags: { barriers: ['cost'], bcts: ['3.2'] } }),
      block({ program, channels: ['sms'], kind: 'question', tags: { barriers: [], bcts: [] } }),
    ];
    await svc.call('POST', '/v1/content/import', { key: 'strategist', body: { blocks } });
    const a = await compose(svc, {
      subject: spanishSubject(),
      program,
      channel: 'sms',
      signals: BARRIER_SIGNALS_ES.cost,
    });
    expect(a.status).toBe('needs_review');
    expect(a.review!.reason).toMatch(/^content_gap: no usable es-US block/);
    expect(a.message!.blocks.map((b) => b.id)).toEqual([blocks[0]!.id]);
  });
});

describe('no message mixes locales', () => {
  it('over many requests: every block of every message is in the subject’s locale', async () => {
    const locales = ['en-US', 'es-US', 'es-us', 'es-MX'];
    const signalSets = [
      ...Object.values(BARRIER_SIGNALS_ES),
      // English text from a Spanish speaker and Spanish text from an English speaker: read in their language,
      // answered in the subject's.
      [{ type: 'chat_message', data: { text: "The copay went up and I can't afford it" } }],
      [{ type: 'chat_message', data: { text: 'se me olvidó la dosis otra vez' } }],
    ];
    const answers: ComposeAnswer[] = [];
    for (const locale of locales) {
      for (const [i, signals] of signalSets.entries()) {
        const channel = CHANNELS[i % CHANNELS.length]!;
        const subject = { ...spanishSubject(), locale };
        answers.push(await compose(svc, { subject, program: 'lumenzo-adherence', channel, signals }));
      }
    }
    const messages = answers.filter((a) => a.message);
    const mixing = messages.filter((a) => localesOf(a).some((l) => l !== a.locale));
    expect(answers).toHaveLength(locales.length * signalSets.length);
    expect(messages.length).toBeGreaterThan(answers.length / 2);
    expect(mixing).toHaveLength(0);
    // es-MX has no content of its own: held as its own gap, never sent in es-US or English.
    const mexican = answers.filter((a) => a.locale === 'es-MX');
    expect(mexican.every((a) => a.message === null)).toBe(true);
    expect(mexican.some((a) => a.review?.reason.startsWith('content_gap: no usable es-MX block'))).toBe(true);
  });
});
