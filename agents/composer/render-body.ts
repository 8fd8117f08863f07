import type { Channel } from '../../src/domain/block.js';

/** Short channels read as one paragraph; long ones keep each block as its own paragraph. */
const BLOCK_SEPARATOR: Record<Channel, string> = { sms: ' ', push: ' ', email: '\n\n', web: '\n\n' };

/** The body is the selected blocks' approved text, verbatim, in order; nothing else is added. */
export function renderBody(texts: string[], channel: Channel): string {
  return texts.join(BLOCK_SEPARATOR[channel]);
}
