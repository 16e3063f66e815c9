import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { AssignedRule, withNumber } from '#libs/domain/numbering';
import { appendRecord } from '#libs/persistence/append-record';
import { assignNumber } from '#libs/persistence/numbers';
import { makeOnTheSpotDecision } from '../documents/on-the-spot-decision';

type Entry = Omit<RecordEntryInput, 'caseId'>;

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createSummaryActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * Writes a case decided on the spot (简易程序): its row, already decided and handed to the party,
     * with its record entries. Safe to retry: keyed by case id and entry keys. The decision's 文号 — typed
     * (in its record line) or, with `assign`, the next 当场处罚决定书 number of the agency in the China year
     * of the decision, given in this transaction and written into the line — is kept on the case, unique
     * per agency: a typed duplicate is an integrity violation. A retry finds the case written and takes
     * no number (its entries were appended in the same transaction). The 当场行政处罚决定书 is made in the
     * same transaction, from the entries as written (documents/on-the-spot-decision.ts). Returns the 文号.
     */
    async registerSummaryCase(input: {
      caseId: string;
      agencyId: string;
      profileVersion: number;
      officerId: string;
      form: unknown;
      workflowId: string;
      at: string;
      entries: Entry[];
      assign?: AssignedRule;
    }): Promise<{ documentNumber: string | null }> {
      const decision = input.entries.find((e) => e.action === 'decision_issued');
      const details = decision?.details as { documentNumber?: string; decidedAt?: string } | undefined;
      return db.transaction(async (m) => {
        // Written first: a second attempt waits here for the first to commit, then finds the case and stops.
        const inserted = await m.query(
          `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure,
                              handling_officer_id, form, workflow_id, started_at, updated_at, decision_number)
           VALUES ($1, $2, $3, 'ex_officio', false, 'decided', 'service', 'summary', $4, $5, $6, $7, $7, $8)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            input.caseId,
            input.agencyId,
            input.profileVersion,
            input.officerId,
            JSON.stringify(input.form),
            input.workflowId,
            input.at,
            details?.documentNumber ?? null,
          ],
        );
        if (!inserted.length) {
          const [row] = await m.query('SELECT decision_number FROM cases WHERE id = $1', [input.caseId]);
          return { documentNumber: row.decision_number };
        }
        let entries = input.entries;
        let number = details?.documentNumber ?? null;
        if (input.assign && decision) {
          number = await assignNumber(m, input.assign, 'summary_decision', input.agencyId, details?.decidedAt ?? input.at);
          await m.query('UPDATE cases SET decision_number = $2 WHERE id = $1', [input.caseId, number]);
          entries = entries.map((e) => (e === decision ? withNumber(e, 'documentNumber', number!) : e));
        }
        for (const entry of entries) await appendRecord(m, { ...entry, caseId: input.caseId });
        const made = entries.find((e) => e.action === 'decision_issued');
        if (made) await makeOnTheSpotDecision(m, storageDir, input.caseId, made.key, made.actor ?? null);
        return { documentNumber: number };
      });
    },
  };
}
