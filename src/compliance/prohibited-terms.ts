/**
 * Claim language that promotional review never allows in patient or HCP messages: absolute
 * or superlative efficacy and safety claims overstate the labelled evidence (FDA OPDP
 * "false or misleading" standard). `negatable` terms are fine after a negation ("there is
 * no cure", "results are not guaranteed"), which honest content often says.
 */
type ProhibitedTerm = { label: string; re: RegExp; negatable: boolean };

const term = (label: string, source: string, negatable = true): ProhibitedTerm => ({
  label,
  re: new RegExp(source, 'giu'),
  negatable,
});

const PROHIBITED_TERMS: ProhibitedTerm[] = [
  // No prescription product cures a chronic disease; "cure" promises more than any label says.
  term('cure', String.raw`\bcur(?:e|es|ed|ing|ative)\b`),
  // Individual results vary; a guarantee of outcome is always misleading.
  term('guarantee', String.raw`\bguarantee(?:s|d|ing)?\b`),
  // Absolutes about efficacy or safety.
  term('100%', String.raw`(?<![\d.,])100\s?(?:%|percent\b)`),
  term('miracle', String.raw`\bmiracle(?:s)?\b|\bmiraculous(?:ly)?\b`),
  // Every medicine has side effects; claiming none omits the risk information.
  term('no side effects', String.raw`\b(?:no|without|zero|free of)\s+(?:any\s+)?side[\s-]effects?\b`, false),
  term('side-effect free', String.raw`\bside[\s-]effects?[\s-]free\b`, false),
  term('risk-free', String.raw`\brisk[\s-]free\b`),
  term('completely safe', String.raw`\b(?:completely|totally|perfectly|entirely|100%)\s+safe\b`),
  term('harmless', String.raw`\bharmless\b`),
  // Superlatives and comparisons need head-to-head evidence a message cannot carry.
  term('safest', String.raw`\bsafest\b`),
  term('most effective', String.raw`\bmost\s+(?:effective|powerful|advanced)\b`),
  term('number one', String.raw`(?:#\s?1\b|\bnumber\s+one\b)`),
  term('works for everyone', String.raw`\bworks?\s+for\s+(?:everyone|everybody|all)\b`),
  term('proven to', String.raw`\b(?:clinically\s+)?proven\s+to\b`),
  // "best" as a claim; procedural idioms (best way/time to, do your best, best wishes) are fine.
  term('best', String.raw`\bbest\b(?!\s+(?:way|time|place)\s+to\b|\s+(?:wishes|regards)\b)(?<!\b(?:your|at)\s+best)`),
];

/** A negation within the two words before a term ("is not a", "no") turns it into a disclaimer. */
const NEGATED = /\b(?:not|no|never|cannot|can[’']t|isn[’']t|doesn[’']t|don[’']t|won[’']t|without)(?:\s+\w+){0,2}\s+$/iu;

/** The labels of the prohibited terms that `text` uses as claims. */
export function prohibitedTermsIn(text: string): string[] {
  return PROHIBITED_TERMS.filter((t) =>
    [...text.matchAll(t.re)].some(
      (m) => !(t.negatable && NEGATED.test(text.slice(Math.max(0, m.index - 40), m.index))),
    ),
  ).map((t) => t.label);
}
