/** Input of the daily sealing: the last day to seal; by default the China day that just ended. */
export interface SealRecordDaysInput {
  through?: string;
}

/** One schedule per task queue (tests run a worker per file), created idempotently at worker start. */
export const scheduleIdForRecordHeads = (taskQueue: string) => `record-heads-${taskQueue}`;
