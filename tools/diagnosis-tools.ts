import { tool } from '@langchain/core/tools';
import { z } from 'zod';
import type { BarrierDefinition } from '../src/domain/block.js';
import type { SubjectHistory } from '../src/domain/history.js';

/** The subject's recent messages and diagnoses (ids, times, codes: no personal text) for one run. */
export function createSubjectHistoryTool(history: SubjectHistory) {
  return tool(async () => history, {
    name: 'get_subject_history',
    description: "The subject's messages and diagnosed barriers in the frequency window, newest first.",
    schema: z.object({}),
  });
}

/** The contract's barriers with their COM-B component and definition. */
export function createBarrierDefinitionsTool(definitions: BarrierDefinition[]) {
  return tool(async () => definitions, {
    name: 'get_barrier_definitions',
    description: 'Definitions of every barrier that may be diagnosed, with its COM-B component.',
    schema: z.object({}),
  });
}
