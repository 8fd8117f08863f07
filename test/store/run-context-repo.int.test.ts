import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createComposeStack } from '../../src/compose/compose-stack.js';
import type { Runtime } from '../../src/runtime.js';
import { type RecentRunsRow, recentRunsColumns, toRecentRuns } from '../../src/store/runs-repo.js';
import { BARRIER_SIGNALS, composeRequest, subjectId } from '../support/compose-fixtures.js';
import { openCountedStack } from '../support/counted-stack.js';
import { type RoundTrips, roundTripsOf } from '../support/round-trips.js';

// load_context's one read: the programme's settings, the subject's runs in the window they name, its engagement.
let runtime: Runtime;
let stack: Awaited<ReturnType<typeof createComposeStack>>;
let counts: RoundTrips;
beforeAll(async () => {
  ({ runtime, stack, counts } = await openCountedStack({ engagement: true }));
});
afterAll(() => runtime?.store.close());

const PROGRAM = 'lumenzo-adherence';

/** The runs' part read on its own, with the window given rather than taken from the programme's settings. */
async function runsInWindow(subject: string, program: string, windowDays: number) {
  const since = new Date(Date.now() - windowDays * 86_400_000);
  const sql = `SELECT ${recentRunsColumns('$1', '$2', '$3')}`;
  return toRecentRuns((await runtime.store.pool.query<RecentRunsRow>(sql, [subject, program, since])).rows[0]!);
}

/** A subject with two approved messages, one of them moved three days back. */
async function subjectWithHistory(label: string) {
  const subject = subjectId(label);
  for (let i = 0; i < 2; i++) {
    const a = await stack.runner.compose(composeRequest({ subject, signals: BARRIER_SIGNALS.cost }));
    expect(a.status).toBe('approved');
  }
  await runtime.store.pool.query(
    `UPDATE runs SET created_at = created_at - interval '3 days', sent_at = sent_at - interval '3 days'
     WHERE id = (SELECT id FROM runs WHERE subject_id = $1 ORDER BY created_at LIMIT 1)`,
    [subject],
  );
  return subject;
}

describe('run context read', () => {
  it('answers what the settings and the runs in their window answer apart, in one round trip', async () => {
    const subject = await subjectWithHistory('apart');
    let read: Awaited<ReturnType<Runtime['runContext']['read']>> | undefined;
    const trips = await roundTripsOf(counts, async () => {
      read = await runtime.runContext.read(subject, PROGRAM, { engagement: false });
    });
    expect(trips.total).toBe(1);
    const settings = await runtime.settings.get(PROGRAM);
    expect(read).toEqual({
      settings,
      ...(await runsInWindow(subject, PROGRAM, settings.frequencyWindowDays)),
    });
    expect(read!.sentInWindow).toBe(2);
    expect(read!.history.recentMessages).toHaveLength(2);
  });

  it("reads the runs in the window the programme's own settings name", async () => {
    const subject = await subjectWithHistory('window');
    const program = 'lumenzo-window-test';
    await runtime.settings.put({ program, frequencyCap: 5, frequencyWindowDays: 1 });
    await runtime.store.pool.query('UPDATE runs SET program = $2 WHERE subject_id = $1', [subject, program]);
    const read = await runtime.runContext.read(subject, program, { engagement: false });
    expect(read.settings).toMatchObject({ program, frequencyCap: 5, frequencyWindowDays: 1 });
    expect(read.sentInWindow).toBe(1);
    expect(read.history.recentMessages).toHaveLength(1);
    expect(read).toEqual({ settings: read.settings, ...(await runsInWindow(subject, program, 1)) });
  });

  it('gives a programme without settings the defaults, and a subject without runs an empty history', async () => {
    const read = await runtime.runContext.read(subjectId('none'), 'no-such-programme', { engagement: true });
    expect(read.settings).toEqual(await runtime.settings.get('no-such-programme'));
    expect(read.settings).toMatchObject({ frequencyCap: 3, frequencyWindowDays: 7, learning: 'off' });
    expect(read).toMatchObject({
      sentInWindow: 0,
      history: { recentMessages: [], recentBarriers: [] },
      engagement: { sentLast7Days: 0, lastSentAt: null, unansweredStreak: 0, sentSince: 0 },
    });
  });

  it("reads the subject's engagement only when asked", async () => {
    const subject = await subjectWithHistory('engaged');
    expect((await runtime.runContext.read(subject, PROGRAM, { engagement: false })).engagement).toBeUndefined();
    const { engagement } = await runtime.runContext.read(subject, PROGRAM, { engagement: true });
    const last = (
      await runtime.store.pool.query<{ sent_at: Date }>(
        'SELECT max(sent_at) AS sent_at FROM runs WHERE subject_id = $1',
        [subject],
      )
    ).rows[0]!.sent_at;
    expect(engagement).toEqual({
      sentLast7Days: 2,
      lastSentAt: last.toISOString(),
      // No outcome is recorded for these runs (the programme has no outcome settings): none counts as unanswered.
      unansweredStreak: 0,
      sentSince: 2,
    });
  });
});
