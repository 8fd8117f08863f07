import type { StoredBlock } from '../domain/block.js';
import type { Rule } from '../domain/compliance.js';
import { fail, pass, plural } from './rule-result.js';

const NAME = 'approved_content';

/**
 * What may stand between two block texts: spaces and line breaks only (SMS joins with a
 * space, email with blank lines). Block texts are stored trimmed, so skipping a run of
 * these never eats into a block.
 */
const SEPARATOR = /[ \r\n]+/y;

/**
 * The body must be exactly the listed blocks' stored texts, in the listed order, joined by
 * separators: nothing before, between or after them, and no block listed but left out.
 * Mismatches are described by block id and character counts, never by quoting the body,
 * which could hold text that should not have been there.
 */
export const approvedContentRule: Rule = {
  name: NAME,
  check({ message, blocks }) {
    if (message.blocks.length === 0) return fail(NAME, 'the message lists no approved blocks', true);
    const stored = new Map(blocks.map((b) => [b.id, b]));
    const unknown = message.blocks.filter((m) => !stored.has(m.id)).map((m) => m.id);
    if (unknown.length) return fail(NAME, `${unknown.join(', ')} not found in the content store`, true, unknown);
    const codeFaults = message.blocks
      .filter((m) => stored.get(m.id)!.approval.code !== m.approvalCode)
      .map((m) => m.id);
    const listed = message.blocks.map((m) => stored.get(m.id)!);
    const textFaults = matchBody(message.body, listed);
    const problems = [
      ...(codeFaults.length ? [`approval code of ${codeFaults.join(', ')} differs from the stored block`] : []),
      ...textFaults.problems,
    ];
    if (problems.length === 0) {
      return pass(NAME, `the body is the verbatim text of ${plural(listed.length, 'approved block')}`);
    }
    return fail(NAME, problems.join('; '), true, [...new Set([...codeFaults, ...textFaults.ids])]);
  },
};

/** Walks the body block by block; reports the first place where it stops matching. */
function matchBody(body: string, listed: StoredBlock[]): { problems: string[]; ids: string[] } {
  let pos = 0;
  for (const [i, block] of listed.entries()) {
    if (i > 0) {
      SEPARATOR.lastIndex = pos;
      if (SEPARATOR.test(body)) pos = SEPARATOR.lastIndex;
      else if (body.startsWith(block.text, pos)) return fault(block, 'is not separated from the block before it');
    }
    if (!body.startsWith(block.text, pos)) {
      const at = body.indexOf(block.text, pos);
      return at > pos
        ? fault(block, `is preceded by ${plural(at - pos, 'character')} that are not approved text`)
        : fault(block, 'is missing or altered in the body');
    }
    pos += block.text.length;
  }
  if (pos === body.length) return { problems: [], ids: [] };
  return {
    problems: [`${plural(body.length - pos, 'character')} after the last block are not approved text`],
    ids: [],
  };
}

const fault = (block: StoredBlock, why: string) => ({ problems: [`${block.id} ${why}`], ids: [block.id] });
