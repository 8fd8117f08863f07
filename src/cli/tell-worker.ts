import type { Worker } from 'node:cluster';
import type { ToWorker } from './cluster-messages.js';

/**
 * Sends a message to a worker unless its channel has closed (it is stopping, or has just died and its exit
 * is not yet handled). Node emits an unhandled 'error' on a send over a closed channel, which would end the
 * primary — and the store every other worker uses — with exit code 1. A message a gone worker misses
 * matters to nobody: its replacement starts afresh. True when the message was handed over.
 */
export function tellWorker(worker: Pick<Worker, 'isConnected' | 'send'>, message: ToWorker): boolean {
  if (!worker.isConnected()) return false;
  // With a callback, a channel that closes during the send reports here instead of as an 'error' event.
  worker.send(message, () => undefined);
  return true;
}
