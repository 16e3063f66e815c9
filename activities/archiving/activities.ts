import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { Actor } from '#libs/domain/roles';
import { ArchiveForm } from '#libs/messages/archiving';
import { appendRecord } from '#libs/persistence/append-record';
import { makePendingDocuments } from '../documents/later';

export function createArchivingActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * The case file is closed: any document still pending made first (every case ends here, so none is
     * left unmade whatever ended its workflows), its row, the case archived, the record line. Safe to
     * retry: keyed by case, a document made once.
     */
    async archiveCase(input: {
      caseId: string;
      at: string;
      archive: ArchiveForm;
      by: Actor;
      onTime: boolean;
      entry: Omit<RecordEntryInput, 'caseId'>;
    }) {
      const a = input.archive;
      await makePendingDocuments(db, storageDir, input.caseId);
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO archives (case_id, archive_number, category, retention_period, start_date, end_date, location, catalogue, missing,
                                 incomplete_reason, archived_by, archived_at, on_time)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (case_id) DO NOTHING`,
          [
            input.caseId,
            a.archiveNumber ?? null,
            a.category ?? null,
            a.retentionPeriod ?? null,
            a.startDate ?? null,
            a.endDate ?? null,
            a.location,
            JSON.stringify(a.catalogue),
            JSON.stringify(a.missing),
            a.incompleteReason ?? null,
            input.by.id,
            input.at,
            input.onTime,
          ],
        );
        await m.query(`UPDATE cases SET status = 'archived', stage = 'archived', updated_at = $2 WHERE id = $1`, [input.caseId, input.at]);
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
      });
    },
  };
}
