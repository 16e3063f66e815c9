import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { ExecutionView } from '#libs/messages/execution';
import { appendRecord } from '#libs/persistence/append-record';
import { MADE_BY } from '#libs/documents/kinds';
import { makeDemandNotice } from '../documents/demand-notice';
import { makeCourtApplication } from '../documents/court-application';

type Entry = Omit<RecordEntryInput, 'caseId'>;

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createExecutionActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * Writes the execution's view (payment, surcharge, remedies, 催告, court) and, when given, the
     * record line; the 催告书 served makes its document in the same transaction (documents/demand-notice.ts),
     * the application to the court its 强制执行申请书 (documents/court-application.ts).
     * Safe to retry: a newer version only replaces an older one; the entry and the document are keyed.
     */
    async projectExecution(input: { execution: ExecutionView; version: number; agencyId: string; at: string; entry?: Entry }) {
      const e = input.execution;
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO executions (case_id, agency_id, state, payment_due_at, paid_at, court_latest, view, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (case_id) DO UPDATE SET state = $3, payment_due_at = $4, paid_at = $5, court_latest = $6, view = $7, version = $8, updated_at = $9
           WHERE executions.version < $8`,
          [
            e.caseId,
            input.agencyId,
            e.state,
            e.payment.dueAt,
            e.payment.paidAt,
            e.court.latest,
            JSON.stringify(e),
            input.version,
            input.at,
          ],
        );
        await m.query(`UPDATE cases SET stage = 'execution', updated_at = $2 WHERE id = $1 AND stage = 'service'`, [e.caseId, input.at]);
        if (input.entry) await appendRecord(m, { ...input.entry, caseId: e.caseId });
        if (input.entry && input.entry.key === MADE_BY.demand_notice.key) await makeDemandNotice(m, storageDir, e, input.entry.key);
        if (input.entry?.action === MADE_BY.court_application.action)
          await makeCourtApplication(m, storageDir, e, input.entry.key, input.entry.actor ?? null);
      });
    },

    /** Execution is over: the case ends (结案) and waits for its file to be archived. Safe to retry. */
    async endCase(input: { caseId: string; at: string; entry: Entry }) {
      await db.transaction(async (m) => {
        await m.query(`UPDATE cases SET status = 'ended', stage = 'archiving', ended_at = $2, updated_at = $2 WHERE id = $1`, [
          input.caseId,
          input.at,
        ]);
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
      });
    },
  };
}
