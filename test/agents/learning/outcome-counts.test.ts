import { describe, expect, it } from 'vitest';
import { fromCountRows, toCountRows } from '../../../agents/learning/count-rows.js';
import { armKey } from '../../../agents/learning/learning-action.js';
import {
  createLearnerState,
  programmeCounts,
  recordOutcome,
  subjectCounts,
} from '../../../agents/learning/outcome-counts.js';
import { isPooledKey } from '../../../agents/learning/pooled-keys.js';
import { send } from './learning-fixtures.js';

const SMS_CUE = send('7.1', 'sms');
const KEY = armKey('forgetfulness', SMS_CUE);

describe('learner outcome counts', () => {
  it('adds each outcome to the subject and to the programme aggregate', () => {
    const state = createLearnerState();
    recordOutcome(state, { subject: 'a', barrier: 'forgetfulness', action: SMS_CUE, achieved: true });
    recordOutcome(state, { subject: 'a', barrier: 'forgetfulness', action: SMS_CUE, achieved: false });
    recordOutcome(state, { subject: 'b', barrier: 'forgetfulness', action: SMS_CUE, achieved: true });
    expect(subjectCounts(state, 'a', KEY)).toEqual({ achieved: 1, notAchieved: 1 });
    expect(subjectCounts(state, 'b', KEY)).toEqual({ achieved: 1, notAchieved: 0 });
    expect(programmeCounts(state, KEY)).toEqual({ achieved: 2, notAchieved: 1 });
  });

  it('keeps arms apart by barrier, technique, channel, block and skip', () => {
    const state = createLearnerState();
    const arms = [
      SMS_CUE,
      send('7.1', 'email'),
      send('8.3', 'sms'),
      send('7.1', 'sms', 'B-2'),
      { kind: 'skip' as const },
    ];
    for (const action of arms) recordOutcome(state, { subject: 'a', barrier: 'forgetfulness', action, achieved: true });
    recordOutcome(state, { subject: 'a', barrier: 'cost', action: SMS_CUE, achieved: false });
    const armKeys = [...state.programme.keys()].filter((k) => !isPooledKey(k));
    expect(armKeys).toHaveLength(arms.length + 1);
    // The block's outcome also counts for its technique arm (7.1 by SMS), and for the block alone.
    expect(programmeCounts(state, KEY)).toEqual({ achieved: 2, notAchieved: 0 });
    expect(programmeCounts(state, armKey('forgetfulness', send('7.1', 'sms', 'B-2')))).toEqual({
      achieved: 1,
      notAchieved: 0,
    });
  });

  it('counts an anonymous outcome in the programme only', () => {
    const state = createLearnerState();
    recordOutcome(state, { barrier: 'forgetfulness', action: SMS_CUE, achieved: true });
    expect(programmeCounts(state, KEY)).toEqual({ achieved: 1, notAchieved: 0 });
    expect(state.subjects.size).toBe(0);
  });

  it('takes client ids such as __proto__ as plain keys', () => {
    const state = createLearnerState();
    recordOutcome(state, { subject: '__proto__', barrier: 'forgetfulness', action: SMS_CUE, achieved: true });
    expect(subjectCounts(state, '__proto__', KEY)).toEqual({ achieved: 1, notAchieved: 0 });
    expect(({} as Record<string, unknown>).achieved).toBeUndefined();
  });

  it('serialises to plain rows and back without counting anything twice', () => {
    const state = createLearnerState();
    recordOutcome(state, { subject: 'a', barrier: 'forgetfulness', action: SMS_CUE, achieved: true });
    recordOutcome(state, { subject: 'a', barrier: 'forgetfulness', action: { kind: 'skip' }, achieved: false });
    recordOutcome(state, { subject: 'b', barrier: 'cost', action: send('3.2', 'email', 'LZ-COST-01'), achieved: true });
    const rows = JSON.parse(JSON.stringify(toCountRows(state)));
    expect(rows).toContainEqual({
      scope: 'subject',
      subject: 'b',
      barrier: 'cost',
      technique: '3.2',
      channel: 'email',
      block: 'LZ-COST-01',
      achieved: 1,
      notAchieved: 0,
    });
    expect(rows).toContainEqual(
      expect.objectContaining({ scope: 'programme', technique: 'skip', channel: null, notAchieved: 1 }),
    );
    // The block outcome is a row for the block and one for its technique arm, in b's counts and the programme's.
    expect(rows).toHaveLength(8);
    const back = fromCountRows(rows);
    expect(toCountRows(back)).toEqual(toCountRows(state));
    expect(back.programme).toEqual(state.programme);
    expect(back.subjects).toEqual(state.subjects);
  });
});
