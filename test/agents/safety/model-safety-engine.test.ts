import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { describe, expect, it } from 'vitest';
import { createModelSafetyEngine, SAFETY_TOOL } from '../../../agents/safety/model-safety-engine.js';
import { createOfflineSafetyEngine } from '../../../agents/safety/offline-safety-engine.js';
import type { TriageText } from '../../../agents/safety/safety-types.js';

const offline = createOfflineSafetyEngine();
const CRISIS = 'I want to kill myself';
const ORDINARY = 'thanks, the delivery came on time';
const texts = (...list: string[]): TriageText[] => list.map((text, index) => ({ index, type: 'chat_message', text }));
const answer = (list: Array<{ text: number; kinds: string[] }>) => ({ name: SAFETY_TOOL, args: { texts: list } });

describe('createModelSafetyEngine', () => {
  it('adds a kind the model found and the offline engine did not, and records the call without any text', async () => {
    const model = fakeModel().respondWithTools([answer([{ text: 1, kinds: ['adverse_event'] }])]);
    const engine = createModelSafetyEngine({ model, offline });
    const { findings, report } = await engine.triage({ texts: texts(CRISIS, ORDINARY), locale: 'en-US' });
    expect(findings.map((f) => [f.signalIndex, f.kind, f.source])).toEqual([
      [0, 'crisis', 'rule'],
      [1, 'adverse_event', 'model'],
    ]);
    expect(report.engine).toBe('model');
    expect(report.engineError).toBeUndefined();
    expect(report.modelCalls).toEqual([expect.objectContaining({ ok: true })]);
    expect(JSON.stringify(report)).not.toMatch(/kill|delivery/);
    expect(JSON.stringify(findings)).not.toMatch(/kill|delivery/);
  });

  it('keeps an offline finding the model says is nothing: the model can only add caution', async () => {
    const model = fakeModel().respondWithTools([answer([{ text: 0, kinds: [] }])]);
    const { findings, report } = await createModelSafetyEngine({ model, offline }).triage({
      texts: texts(CRISIS),
      locale: 'en-US',
    });
    expect(findings).toEqual([expect.objectContaining({ kind: 'crisis', source: 'rule', signalIndex: 0 })]);
    expect(report.engineError).toBeUndefined();
  });

  it('does not repeat a kind both engines found', async () => {
    const model = fakeModel().respondWithTools([answer([{ text: 0, kinds: ['crisis', 'crisis'] }])]);
    const { findings } = await createModelSafetyEngine({ model, offline }).triage({
      texts: texts(CRISIS),
      locale: 'en-US',
    });
    expect(findings.filter((f) => f.kind === 'crisis')).toHaveLength(1);
  });

  it('reads an answer given as JSON content by a server that ignores tool_choice', async () => {
    const model = fakeModel().respond(
      new AIMessage(JSON.stringify({ texts: [{ text: 0, kinds: ['product_complaint'] }] })),
    );
    const { findings } = await createModelSafetyEngine({ model, offline }).triage({
      texts: texts(ORDINARY),
      locale: 'en-US',
    });
    expect(findings).toEqual([expect.objectContaining({ kind: 'product_complaint', source: 'model' })]);
  });

  it('reports engineError and keeps the offline findings when the model throws', async () => {
    const model = fakeModel().respond(Object.assign(new Error(`upstream said: ${CRISIS}`), { status: 503 }));
    const { findings, report } = await createModelSafetyEngine({ model, offline }).triage({
      texts: texts(CRISIS),
      locale: 'en-US',
    });
    expect(findings).toEqual([expect.objectContaining({ kind: 'crisis', source: 'rule' })]);
    expect(report.engineError).toBe('HTTP 503');
    expect(report.modelCalls).toEqual([expect.objectContaining({ ok: false, error: 'HTTP 503' })]);
    expect(JSON.stringify(report)).not.toMatch(/kill/);
  });

  it('reports engineError when the model answers with text that is not JSON', async () => {
    const model = fakeModel().respond(new AIMessage('Sure! Text 0 looks like a crisis {'));
    const { findings, report } = await createModelSafetyEngine({ model, offline }).triage({
      texts: texts(CRISIS, ORDINARY),
      locale: 'en-US',
    });
    expect(report.engineError).toMatch(/^invalid output/);
    expect(findings.map((f) => f.kind)).toEqual(['crisis']);
  });

  it('reports engineError when the JSON does not fit the schema or names a text that was not sent', async () => {
    for (const bad of [{ texts: [{ text: 0, kinds: ['suicide'] }] }, { texts: [{ text: 5, kinds: ['crisis'] }] }]) {
      const model = fakeModel().respondWithTools([{ name: SAFETY_TOOL, args: bad }]);
      const { report } = await createModelSafetyEngine({ model, offline }).triage({
        texts: texts(ORDINARY),
        locale: 'en-US',
      });
      expect(report.engineError).toMatch(/^invalid output/);
      expect(report.modelCalls[0]).toMatchObject({ ok: false });
    }
  });

  it('reports a timeout when the model never answers, with the offline findings intact', async () => {
    const hanging = { invoke: () => new Promise(() => {}), _llmType: () => 'hanging' } as unknown as BaseChatModel;
    const { findings, report } = await createModelSafetyEngine({ model: hanging, offline, timeoutMs: 20 }).triage({
      texts: texts(CRISIS),
      locale: 'en-US',
    });
    expect(report.engineError).toBe('timeout');
    expect(findings).toEqual([expect.objectContaining({ kind: 'crisis' })]);
  });

  it('redacts the request’s personal values before the texts leave the process', async () => {
    const model = fakeModel().respondWithTools([answer([])]);
    await createModelSafetyEngine({ model, offline, personalValues: ['Rosalind Quenby'] }).triage({
      texts: texts('Rosalind Quenby here, my pen arrived cracked'),
      locale: 'en-US',
    });
    const sent = JSON.stringify(model.calls[0]!.messages.map((m) => m.content));
    expect(sent).toContain('my pen arrived cracked');
    expect(sent).not.toContain('Rosalind');
  });

  it('makes no model call when there is no text', async () => {
    const model = fakeModel();
    const { report } = await createModelSafetyEngine({ model, offline }).triage({ texts: [], locale: 'en-US' });
    expect(model.callCount).toBe(0);
    expect(report).toMatchObject({ engine: 'model', modelCalls: [] });
  });
});
