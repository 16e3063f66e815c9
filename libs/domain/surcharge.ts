import { addDays, chinaDate } from '../calendar/dates';

/** A span when the surcharge is not counted (行政处罚法 73(3): review or litigation pending). */
export interface SurchargePause {
  from: string;
  /** Absent while still pending. */
  to?: string | null;
}

export interface Surcharge {
  /** Days counted: from the day after the due date to `on`, less the paused days. */
  days: number;
  /** In fen (分), so sums stay exact. */
  amountFen: number;
  capped: boolean;
}

/** The profile's figure (`execution.surcharge`): the daily rate and whether the fine caps the sum. */
export interface SurchargeRule {
  dailyRatePercent: number;
  cappedAtFine: boolean;
}

/**
 * 加处罚款 (行政处罚法 72(1)(一)): each day from the day after the last day to pay, the profile's
 * rate (3 %) of the fine, never more than the fine where the profile says so (行政处罚法 72(1)(一),
 * 行政强制法 45 第二款: every profile does, the schema admits no other value); days within a pause
 * (from its China date, up to but not including the China date it ended) are not counted. Dates
 * are China calendar dates.
 */
export function surchargeOn(
  fineFen: number,
  lastDayToPay: string,
  on: Date,
  rule: SurchargeRule,
  pauses: SurchargePause[] = [],
): Surcharge {
  const until = chinaDate(on);
  const paused = (d: string) => pauses.some((p) => chinaDate(new Date(p.from)) <= d && (!p.to || d < chinaDate(new Date(p.to))));
  let days = 0;
  for (let d = addDays(lastDayToPay, 1); d <= until; d = addDays(d, 1)) if (!paused(d)) days++;
  const uncapped = Math.floor((fineFen * rule.dailyRatePercent * days) / 100);
  if (!rule.cappedAtFine) return { days, amountFen: uncapped, capped: false };
  return { days, amountFen: Math.min(uncapped, fineFen), capped: uncapped >= fineFen };
}

/** 1234 fen → "12.34". */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
