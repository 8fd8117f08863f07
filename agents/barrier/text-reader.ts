import type { Barrier } from '../../src/domain/block.js';

/** How one text was read: its barrier probabilities, the model's locale and, if it differs, why. */
export type TextReading = {
  probs: Record<Barrier, number>;
  locale: string;
  /** Present when the text's language is not the subject's: a finding, never a silent switch. */
  languageFinding?: string;
};
export type TextReader = (text: string) => TextReading;
