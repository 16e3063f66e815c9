import { DataSource } from 'typeorm';
import { sealRecordDays } from '#libs/persistence/day-heads-store';

export function createRecordHeadsActivities(db: DataSource) {
  return {
    /** Seals up to a month of day heads through `through`. Safe to retry: sealed days are skipped under one lock. */
    async sealRecordDays(input: { through: string }): Promise<{ sealed: string[]; more: boolean }> {
      return sealRecordDays(db, input.through);
    },
  };
}
