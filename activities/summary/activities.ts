import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { appendRecord } from '#libs/persistence/append-record';

type Entry = Omit<RecordEntryInput, 'caseId'>;

export function createSummaryActivities(db: DataSource) {
  return {
    /**
     * Writes a case decided on the spot (简易程序): its row, already decided and handed to the party,
     * with its record entries. Safe to retry: keyed by case id and entry keys. The decision's 文号 (in
     * its record line) is kept on the case, unique per agency: a duplicate is an integrity violation.
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
    }) {
      const decision = input.entries.find((e) => e.action === 'decision_issued');
      const number = (decision?.details as { documentNumber?: string } | undefined)?.documentNumber ?? null;
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage, procedure,
                              handling_officer_id, form, workflow_id, started_at, updated_at, decision_number)
           VALUES ($1, $2, $3, 'ex_officio', false, 'decided', 'service', 'summary', $4, $5, $6, $7, $7, $8)
           ON CONFLICT (id) DO NOTHING`,
          [
            input.caseId,
            input.agencyId,
            input.profileVersion,
            input.officerId,
            JSON.stringify(input.form),
            input.workflowId,
            input.at,
            number,
          ],
        );
        for (const entry of input.entries) await appendRecord(m, { ...entry, caseId: input.caseId });
      });
    },
  };
}
