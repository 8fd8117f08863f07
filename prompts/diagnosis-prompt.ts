import type { BarrierDefinition } from '../src/domain/block.js';
import type { Signal } from '../src/domain/compose.js';
import type { SubjectHistory } from '../src/domain/history.js';
import { dataBlock, dataOnlyRule, type Prompt } from './data-block.js';

export const DIAGNOSIS_TOOL = 'submit_diagnosis';

const TAGS = ['signals', 'subject_history', 'barrier_definitions'];

export const DIAGNOSIS_SYSTEM = [
  'You diagnose the single barrier that most likely stands between a person and their health action',
  '(refill, dose, visit), using the COM-B model and the barrier definitions given.',
  dataOnlyRule(TAGS),
  'Cite evidence only as signals: each item names a signal by its index and type in <signals>.',
  'Give a confidence between 0 and 1 that reflects real uncertainty; when nothing indicates a barrier,',
  'answer "none". List other plausible barriers as alternatives with their confidence.',
  `Answer by calling ${DIAGNOSIS_TOOL} once. The subject history and barrier definitions are already below;`,
  'call get_subject_history or get_barrier_definitions only if you cannot answer without them.',
].join(' ');

export type DiagnosisPromptInput = {
  signals: Signal[];
  history: SubjectHistory;
  definitions: BarrierDefinition[];
};

/** The person's signals, numbered, as data; the history and the definitions so one call normally suffices. */
export function buildDiagnosisPrompt(input: DiagnosisPromptInput): Prompt {
  const signals = input.signals.map((s, index) => ({ index, type: s.type, at: s.at ?? null, data: s.data ?? {} }));
  return {
    system: DIAGNOSIS_SYSTEM,
    user: [
      'Diagnose the barrier for this person.',
      dataBlock('signals', signals),
      dataBlock('subject_history', input.history),
      dataBlock('barrier_definitions', input.definitions),
    ].join('\n\n'),
  };
}
