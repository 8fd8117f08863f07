/**
 * The sizes that keep scanning text for personal data linear in its length. Every pattern has a
 * real maximum length (an email's local part is at most 64 characters, a domain label 63, a URL a
 * few thousand), so nothing is gained by looking further, and a hostile request that sends one
 * megabyte without a space must not be read character by character by every pattern.
 */
export const SCAN_LIMITS = {
  /** A run of non-space characters longer than this is no identifier: it is withheld whole, unscanned. */
  maxTokenChars: 2048,
  /** Text is scanned in windows of about this size, so no single regex call sees much more. */
  windowChars: 16_384,
  /** Context each window shares with its neighbours: more than any match and the words around it. */
  marginChars: 512,
  /** Longer personal values are found as plain text, never compiled into a regular expression. */
  maxKnownPatternChars: 254,
  /** CPU ms for one text; past it the rest is withheld unscanned: the last line of defence. */
  budgetMs: 2_000,
};
export type ScanLimits = typeof SCAN_LIMITS;
