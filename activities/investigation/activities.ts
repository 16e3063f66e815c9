import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { StoredFile } from '#libs/domain/tasks';
import { EvidenceRow, MeasureView } from '#libs/messages/investigation';
import { appendRecord } from '#libs/persistence/append-record';
import { makeCollectiveDiscussionRecord } from '../documents/collective-discussion-record';
import { makeFieldRecord } from '../documents/field-record';
import { makeHearingNotice } from '../documents/hearing-notice';
import { makePreDecisionNotice } from '../documents/pre-decision-notice';

type Entry = Omit<RecordEntryInput, 'caseId'>;

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createInvestigationActivities(db: DataSource, storageDir: string) {
  return {
    projectMeasure: (input: { measure: MeasureView; at: string; entry?: Entry }) => projectMeasure(db, input),

    /**
     * Appends one line to the case record (a warning, a note); the pre-decision notice served makes its
     * 行政处罚事先告知书 in the same transaction (documents/pre-decision-notice.ts), the collective discussion
     * minuted its 集体讨论记录 (documents/collective-discussion-record.ts), the hearing scheduled its 听证通知书
     * (documents/hearing-notice.ts). Safe to retry: keyed entry, and the document keyed by it.
     */
    async noteRecord(input: { caseId: string; at: string; entry: Entry }): Promise<void> {
      await db.transaction(async (m) => {
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
        const e = input.entry;
        if (e.action === 'notice_served') await makePreDecisionNotice(m, storageDir, input.caseId, e.key, e.actor ?? null);
        if (e.action === 'hearing_scheduled') await makeHearingNotice(m, storageDir, input.caseId, e.key, e.actor ?? null);
        if (e.action === 'collective_discussion_recorded')
          await makeCollectiveDiscussionRecord(m, storageDir, input.caseId, e.key, e.actor ?? null);
      });
    },

    /**
     * Stores a record, the defect it reveals and its line in the case record, in one transaction; a
     * 询问笔录 or 现场检查（勘验）笔录 makes its document in it too (documents/field-record.ts). Safe to
     * retry: the record id, defect id and entry key come from the caller, and the document is keyed by the entry.
     */
    async appendEvidence(input: {
      record: EvidenceRow & { uploadTaskId: string | null; uploadDueAt: string | null };
      defect?: { id: string; kind: string; description: string; legalBasis: string };
      entry: Entry;
      at: string;
    }): Promise<void> {
      const r = input.record;
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO evidence_records (id, case_id, category, kind, title, content, producer_id, officers, signatures,
             rights_told, av_record_ids, av_omission_reason, av_verdict, metadata, used_as_evidence, upload_task_id,
             upload_due_at, retention_until, legal_basis, corrects_id, correction_reason, recorded_at, created_by, created_at)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24)
           ON CONFLICT (id) DO NOTHING`,
          [
            r.id,
            r.caseId,
            r.category,
            r.kind,
            r.title,
            JSON.stringify(r.content),
            r.producerId,
            JSON.stringify(r.officers),
            json(r.signatures),
            json(r.rightsTold),
            r.avRecordIds,
            r.avOmissionReason,
            r.avVerdict,
            json(r.metadata),
            r.usedAsEvidence,
            r.uploadTaskId,
            r.uploadDueAt,
            r.retentionUntil,
            r.legalBasis,
            r.correctsId,
            r.correctionReason,
            r.recordedAt,
            r.createdBy,
            input.at,
          ],
        );
        if (input.defect) {
          const d = input.defect;
          await m.query(
            `INSERT INTO case_defects (id, case_id, record_id, kind, description, legal_basis, flagged_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
            [d.id, r.caseId, r.id, d.kind, d.description, d.legalBasis, input.at],
          );
        }
        await appendRecord(m, { ...input.entry, caseId: r.caseId });
        if (r.category === 'written') await makeFieldRecord(m, storageDir, r.caseId, r.id, input.entry.key, input.entry.actor ?? null);
      });
    },

    /** Notes that an audiovisual file was stored, and whether in time. Safe to retry: keyed by record. */
    async attachAvFile(input: { caseId: string; recordId: string; file: StoredFile; storedAt: string; onTime: boolean; entry: Entry }) {
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO av_files (record_id, sha256, size, media_type, stored_at, on_time)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (record_id) DO NOTHING`,
          [input.recordId, input.file.sha256, input.file.size, input.file.mediaType, input.storedAt, input.onTime],
        );
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
      });
    },
  };
}

/**
 * Writes a coercive measure's current state and, when given, the record line that explains the
 * change. Safe to retry: the state is written whole and the entry is keyed.
 */
async function projectMeasure(db: DataSource, input: { measure: MeasureView; at: string; entry?: Entry }): Promise<void> {
  const m = input.measure;
  await db.transaction(async (q) => {
    await q.query(
      `INSERT INTO coercive_measures (id, case_id, kind, object, taken_at, due_at, last_day, due_complete, status, extended,
                                      pauses, decision, record_id, updated_at, family_notified, due_missing_years)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (id) DO UPDATE SET due_at = $6, last_day = $7, due_complete = $8, status = $9, extended = $10,
                                      pauses = $11, decision = $12, updated_at = $14, due_missing_years = $16`,
      [
        m.id,
        m.caseId,
        m.kind,
        m.object,
        m.takenAt,
        m.dueAt,
        m.lastDay,
        m.complete,
        m.status,
        m.extended,
        JSON.stringify(m.pauses),
        m.decision,
        m.recordId,
        input.at,
        m.familyNotified ? JSON.stringify(m.familyNotified) : null,
        m.missingYears ?? [],
      ],
    );
    if (input.entry) await appendRecord(q, { ...input.entry, caseId: m.caseId });
  });
}

function json(v: unknown): string | null {
  return v === null || v === undefined ? null : JSON.stringify(v);
}
