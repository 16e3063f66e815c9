import { addDays, chinaDate, chinaDayStart } from './dates';
import { DayCounter } from './day-counter';
import { applyPauses } from './pauses';
import { BASIS, Counted, Pause } from './period-types';

/**
 * The legacy path (`PeriodRules` mode `legacy`), as before the 2026-12 patch: roll the raw end, then
 * add the paused time exactly, without a second roll. Cases started before then computed their
 * periods this way and must replay the same, so it stays as it was.
 */
export function rollThenShift(counter: DayCounter, startMs: number, raw: string, pauses: Pause[], basis: string[]): Counted {
  const lastDay = counter.roll(raw);
  if (lastDay !== raw) basis.push(BASIS.roll);
  basis.push(BASIS.endOfDay);
  const dueMs = chinaDayStart(addDays(lastDay, 1)).getTime();
  const paused = applyPauses(startMs, dueMs, pauses);
  if (paused.open) return { due: null, paused };
  if (paused.ms > 0) basis.push(BASIS.paused, BASIS.pausedNoRoll);
  const out: Counted = { due: new Date(dueMs + paused.ms).toISOString(), paused };
  out.lastDay = paused.ms > 0 ? chinaDate(new Date(dueMs + paused.ms - 1)) : lastDay;
  if (lastDay !== raw) out.rolledFrom = raw;
  return out;
}
