import { defineSignal } from '@temporalio/workflow';
import type { YearSchedule } from '../calendar/schedule';

/**
 * A year's working-day schedule was loaded: running workflows recompute every deadline that was
 * an estimate for that year, and their timers move.
 */
export const calendarUpdatedSignal = defineSignal<[YearSchedule]>('calendarUpdated');
