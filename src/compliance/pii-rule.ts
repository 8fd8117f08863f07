import type { Rule } from '../domain/compliance.js';
import { createPiiFinder, type PiiSpan } from '../privacy/find-pii.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'pii';

const key = (s: PiiSpan) => `${s.start}:${s.end}`;
type Finder = (text: string) => PiiSpan[];

/**
 * No personal value from the request and no Safe Harbor identifier may leave in the body or
 * the subject line. The listed blocks' stored texts are allowed content: a programme's own
 * support number inside an approved block is content, and a block written before the request
 * cannot disclose it (a subject named May does not make "may" personal). Only counts and
 * identifier types are reported, never values. Not fixable: other blocks would not explain
 * how personal data got into a message built from approved text.
 */
export const piiRule: Rule = {
  name: NAME,
  check({ message, blocks, personalValues }) {
    const allow = blocks.map((b) => b.text);
    const fields = [
      { label: 'the body', text: message.body },
      { label: 'the subject line', text: message.subject ?? '' },
    ];
    // Compiled once for both fields: with the request's values, and (only when something is found)
    // without them, to tell identifier shapes from the request's own values.
    let shapes: Finder | undefined;
    const finders = {
      all: createPiiFinder({ allow, known: personalValues }),
      shapes: (text: string) => {
        shapes ??= createPiiFinder({ allow });
        return shapes(text);
      },
    };
    const found = fields.flatMap(({ label, text }) => {
      const what = describe(text, finders);
      return what ? [`${label} contains ${what}`] : [];
    });
    if (found.length === 0) return pass(NAME, 'the message contains no personal data outside approved content');
    return fail(NAME, found.join('; '), false);
  },
};

/** "1 personal value from the request and 1 Safe Harbor identifier (PHONE)", or '' if clean. */
function describe(text: string, finders: { all: Finder; shapes: Finder }): string {
  if (!text) return '';
  const all = finders.all(text);
  if (all.length === 0) return '';
  // Spans that appear only once the request's values are known are that person's values; a
  // value that also has an identifier's shape is reported by its type instead.
  const shapes = new Set(finders.shapes(text).map(key));
  const fromRequest = all.filter((s) => !shapes.has(key(s))).length;
  const typed = all.filter((s) => shapes.has(key(s)));
  const types = [...new Set(typed.map((s) => s.type))].join(', ');
  return [
    ...(fromRequest ? [`${plural(fromRequest, 'personal value')} from the request`] : []),
    ...(typed.length ? [`${plural(typed.length, 'Safe Harbor identifier')} (${types})`] : []),
  ].join(' and ');
}
