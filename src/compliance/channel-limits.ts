import type { Channel } from '../domain/block.js';

/**
 * Default body length limits in characters. SMS allows two concatenated segments so that
 * greeting + block + call to action + the short ISI link fit; push notifications truncate
 * early on most devices. Programmes may pass their own limits in the compliance context.
 */
export const DEFAULT_CHANNEL_LIMITS: Readonly<Record<Channel, number>> = {
  sms: 320,
  push: 240,
  email: 5000,
  web: 5000,
};
