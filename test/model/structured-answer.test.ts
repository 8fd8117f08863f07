import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readStructured } from '../../agents/model/structured-answer.js';

const Schema = z.object({ blockIds: z.array(z.string()).min(1) });
const read = (message: AIMessageChunk) => readStructured(message, 'select_blocks', Schema);

describe('readStructured', () => {
  it('takes the named tool call arguments', () => {
    const message = new AIMessageChunk({
      content: '',
      tool_calls: [{ name: 'select_blocks', args: { blockIds: ['A'] }, id: 'c1', type: 'tool_call' }],
    });
    expect(read(message)).toEqual({ ok: true, value: { blockIds: ['A'] } });
  });

  it('takes JSON content, fenced or not, from a server that ignores tool_choice', () => {
    expect(read(new AIMessageChunk({ content: '```json\n{"blockIds": ["B"]}\n```' }))).toEqual({
      ok: true,
      value: { blockIds: ['B'] },
    });
  });

  it('names failed fields without repeating what the model wrote', () => {
    const answer = read(new AIMessageChunk({ content: '{"blockIds": [], "note": "Lumenzo cures diabetes"}' }));
    expect(answer).toEqual({ ok: false, reason: 'invalid output: blockIds too_small' });
    const prose = read(new AIMessageChunk({ content: 'Lumenzo cures diabetes' }));
    expect(prose).toEqual({ ok: false, reason: 'invalid output: no select_blocks call and no JSON content' });
  });
});
