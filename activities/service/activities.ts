import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { ServiceView } from '#libs/messages/service';
import { appendRecord } from '#libs/persistence/append-record';
import { makePublicNotice } from '../documents/public-notice';
import { makeServiceReceipt } from '../documents/service-receipt';

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createServiceActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * Writes a service's view (attempts, status, date of service) and, when given, the record line
     * that explains the change; an attempt begun makes its 送达回证 — or, by public notice, its 公告 — in the
     * same transaction. Safe to retry: a
     * newer version only replaces an older one; the entry and the document are keyed by the attempt.
     */
    async projectService(input: {
      service: ServiceView;
      version: number;
      agencyId: string;
      at: string;
      entry?: Omit<RecordEntryInput, 'caseId'>;
    }) {
      const s = input.service;
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO services (id, case_id, agency_id, document_kind, status, served_at, method, deemed, must_serve_by, overdue, view, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
           ON CONFLICT (id) DO UPDATE SET status = $5, served_at = $6, method = $7, deemed = $8, must_serve_by = $9, overdue = $10,
             view = $11, version = $12, updated_at = $13
           WHERE services.version < $12`,
          [
            s.id,
            s.caseId,
            input.agencyId,
            s.document.kind,
            s.status,
            s.servedAt,
            s.method,
            s.deemed,
            s.mustServeBy,
            s.overdue,
            JSON.stringify(s),
            input.version,
            input.at,
          ],
        );
        if (input.entry) await appendRecord(m, { ...input.entry, caseId: s.caseId });
        const attemptId = input.entry?.action === 'service_attempted' ? (input.entry.details?.attemptId as string | undefined) : undefined;
        if (attemptId) {
          await makeServiceReceipt(m, storageDir, s, attemptId, input.entry!.key);
          await makePublicNotice(m, storageDir, s, attemptId, input.entry!.key);
        }
      });
    },
  };
}
