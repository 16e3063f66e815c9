import { DataSource } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { AssignedRule, withNumber } from '#libs/domain/numbering';
import { appendRecord } from '#libs/persistence/append-record';
import { assignNumber } from '#libs/persistence/numbers';
import { makeDecisionDocument } from '../documents/decision';

export interface DeadlineState {
  caseId: string;
  kind: string;
  dueAt: string;
  complete: boolean;
  /** Years without a published schedule the due time reaches (absent from histories written before it). */
  missingYears?: number[];
  extended: boolean;
  state: 'running' | 'paused' | 'overdue' | 'met';
}

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createDecisionActivities(db: DataSource, storageDir: string) {
  return {
    /**
     * The decision document is recorded: the case moves on to service with its record line, and its 文号 —
     * typed (in the entry's details) or, with `assign`, the next of the agency's decisions of the China year
     * of `numberedOn`, given in this transaction and written into the entry. Unique per agency
     * (cases_decision_number_key): a typed duplicate is an integrity violation. The 行政处罚决定书 is generated
     * in the same transaction (documents/decision.ts). Safe to retry: a case that has its 文号 keeps it (its
     * row is locked first), and its document. Returns the 文号.
     */
    async concludeDecision(input: {
      caseId: string;
      at: string;
      entry: Omit<RecordEntryInput, 'caseId'>;
      assign?: AssignedRule;
      numberedOn?: string;
    }): Promise<{ documentNumber: string | null }> {
      const typed = (input.entry.details as { documentNumber?: string } | undefined)?.documentNumber ?? null;
      return db.transaction(async (m) => {
        const [row] = await m.query('SELECT agency_id, decision_number FROM cases WHERE id = $1 FOR UPDATE', [input.caseId]);
        let number = typed;
        let entry = input.entry;
        if (input.assign) {
          number = row.decision_number ?? (await assignNumber(m, input.assign, 'decision', row.agency_id, input.numberedOn ?? input.at));
          entry = withNumber(entry, 'documentNumber', number!);
        }
        await m.query(
          "UPDATE cases SET status = 'decided', stage = 'service', updated_at = $2, decision_number = COALESCE($3, decision_number) WHERE id = $1",
          [input.caseId, input.at, number],
        );
        await appendRecord(m, { ...entry, caseId: input.caseId });
        await makeDecisionDocument(m, storageDir, input.caseId, entry.key, entry.actor ?? null);
        return { documentNumber: number ?? row?.decision_number ?? null };
      });
    },

    /**
     * Writes a case-level deadline's current state and, when given, the record line that explains it.
     * Safe to retry: the state is written whole, the entry is keyed.
     */
    async projectDeadline(input: { deadline: DeadlineState; at: string; entry?: Omit<RecordEntryInput, 'caseId'> }) {
      const d = input.deadline;
      await db.transaction(async (m) => {
        await m.query(
          // How it ended: met on time or late (the instant it was met against the due time).
          `INSERT INTO case_deadlines (case_id, kind, due_at, due_complete, extended, state, updated_at, ended, ended_at, due_missing_years)
           VALUES ($1, $2, $3, $4, $5, $6, $7,
                   CASE WHEN $6 = 'met' THEN CASE WHEN $7::timestamptz > $3::timestamptz THEN 'met_late' ELSE 'met' END END,
                   CASE WHEN $6 = 'met' THEN $7::timestamptz END, $8)
           ON CONFLICT (case_id, kind) DO UPDATE SET due_at = $3, due_complete = $4, extended = $5, state = $6, updated_at = $7,
             ended = EXCLUDED.ended, ended_at = EXCLUDED.ended_at, due_missing_years = $8
           WHERE case_deadlines.state <> 'stopped'`,
          [d.caseId, d.kind, d.dueAt, d.complete, d.extended, d.state, input.at, d.missingYears ?? []],
        );
        // Filing (立案) started this deadline (行政处罚法 60): the case is in the decision stage.
        if (d.kind === 'decision') await m.query(`UPDATE cases SET stage = 'decision' WHERE id = $1 AND stage = 'initiation'`, [d.caseId]);
        if (input.entry) await appendRecord(m, { ...input.entry, caseId: d.caseId });
      });
    },
  };
}
