import { YearSchedule } from '../schedule';
import { SCHEDULE_2025 } from './2025';
import { SCHEDULE_2026 } from './2026';

/**
 * The schedules shipped with the code, oldest first. An administrator can load newer versions
 * or later years as data; LegalCalendar lets the last version of a year win.
 */
export const BUILT_IN_SCHEDULES: YearSchedule[] = [SCHEDULE_2025, SCHEDULE_2026];

export { SCHEDULE_2025, SCHEDULE_2026 };
