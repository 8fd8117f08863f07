import { dataBlock, dataOnlyRule, type Prompt } from './data-block.js';

export const GRADE_TOOL = 'submit_grade';

const TAGS = ['rubric', 'output'];

const RUBRIC_SYSTEM = [
  'You grade one output of a regulated health-messaging service against a rubric written by a content strategist.',
  dataOnlyRule(TAGS),
  'The rubric says what a good output does; the output is what the service produced.',
  `Answer by calling ${GRADE_TOOL} once: pass is true only if the output meets the whole rubric,`,
  'score is how fully it meets it from 0 to 1, and reason says why in one or two sentences.',
].join(' ');

/** The rubric and the output, each as delimited data: neither can instruct the grader. */
export function buildRubricPrompt(rubric: string, output: string): Prompt {
  return {
    system: RUBRIC_SYSTEM,
    user: ['Grade this output.', dataBlock('rubric', rubric), dataBlock('output', output)].join('\n\n'),
  };
}
