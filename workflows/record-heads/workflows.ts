import { activities } from '../activities';
import { addDays, chinaDate } from '#libs/calendar/dates';
import { SealRecordDaysInput } from '#libs/messages/record-heads';

const { sealRecordDays } = activities;

/**
 * Seals the day heads up to the China day that ended before the schedule fired (00:10 China time, so
 * activities still finishing at midnight land first; one that lands later is pinned the next day).
 * Days missed while the system was down are sealed too, a month per activity call.
 */
export async function sealRecordDaysWorkflow(input: SealRecordDaysInput = {}): Promise<string[]> {
  const through = input.through ?? addDays(chinaDate(new Date()), -1);
  const sealed: string[] = [];
  for (;;) {
    const r = await sealRecordDays({ through });
    sealed.push(...r.sealed);
    if (!r.more) return sealed;
  }
}
