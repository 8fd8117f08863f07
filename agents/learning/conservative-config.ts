export type ConservativeConfig = {
  /** The posterior probability an alternative must have of doing better than the table's choice to replace it on evidence. */
  confidence: number;
  /** The share of the table's expected target behaviours for a person the learner may spend on trying alternatives. */
  alpha: number;
};

/**
 * Fixed before the first simulator run of this learner, not searched: 0.95 and 0.05 are the 5 % risk
 * level of every interval the project reports (credible intervals, bootstrap intervals), so a departure
 * on evidence needs what a one-sided 95 % test would, and trying alternatives may cost a person at most
 * 5 % of what the table would have earned them, by a cautious estimate.
 */
export const CONSERVATIVE: ConservativeConfig = { confidence: 0.95, alpha: 0.05 };

/** Kept the table's choice; departed from it on evidence (exploited); or within the budget (explored). */
export type Departure = 'kept' | 'exploited' | 'explored';
