import { DataSource, EntityManager } from 'typeorm';
import { CaseStatus } from '#libs/domain/case';
import { Numbering, assignedRule } from '#libs/domain/numbering';
import { RecordEntryInput } from '#libs/domain/record';
import { InitiationInput } from '#libs/messages/initiation';
import { appendRecord } from '#libs/persistence/append-record';
import { assignNumber, pinnedNumbering } from '#libs/persistence/numbers';
import { makeInitiationApproval } from '../documents/initiation-approval';
import { OpenTaskInput, insertTask } from '../tasks/activities';

/**
 * What the case row needs. Cases whose workflow predates 'slim-register-case' pass their whole
 * input (the profile's sections and the calendar), a superset of this.
 */
export interface RegisterCaseInput extends Pick<InitiationInput, 'caseId' | 'agencyId' | 'source' | 'emergency' | 'officer' | 'form'> {
  profile: Pick<InitiationInput['profile'], 'version'>;
  workflowId: string;
  status: CaseStatus;
  at: string;
  entries: Omit<RecordEntryInput, 'caseId'>[];
}

export interface SetStatusInput {
  caseId: string;
  status: CaseStatus;
  at: string;
  entry: Omit<RecordEntryInput, 'caseId'>;
  /** The pinned numbering: filing (status `initiated`, 立案) gives the case its 案号. */
  numbering?: Numbering;
}

async function insertCase(m: EntityManager, input: RegisterCaseInput): Promise<void> {
  await m.query(
    `INSERT INTO cases (id, agency_id, profile_version, source, emergency, status, stage,
                        handling_officer_id, form, workflow_id, started_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'initiation', $7, $8, $9, $10, $10)
     ON CONFLICT (id) DO NOTHING`,
    [
      input.caseId,
      input.agencyId,
      input.profile.version,
      input.source,
      input.emergency,
      input.status,
      input.officer.id,
      JSON.stringify(input.form),
      input.workflowId,
      input.at,
    ],
  );
  for (const entry of input.entries) await appendRecord(m, { ...entry, caseId: input.caseId });
}

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createInitiationActivities(db: DataSource, storageDir: string) {
  return {
    /** Creates the case row and its opening entries. Safe to retry: keyed by case id and entry keys. */
    async registerCase(input: RegisterCaseInput): Promise<void> {
      await db.transaction((m) => insertCase(m, input));
    },

    /**
     * The case row, its opening entries and its first task in one transaction: a case start is one
     * write (issue 21: a second local activity cost a second database round trip and workflow activation
     * on every start). Safe to retry as each of the two is.
     */
    async registerCaseWithTask(input: { registration: RegisterCaseInput; task: OpenTaskInput }): Promise<void> {
      await db.transaction(async (m) => {
        await insertCase(m, input.registration);
        await insertTask(m, input.task);
      });
    },

    /**
     * Moves the case to a new status with the entry that says why; filing (立案) numbers the case in the
     * same transaction, the entry names its 案号 and the 程序启动审批表 is generated. Safe to retry: keyed
     * entry, same status, and a case that has its number keeps it (the row is locked first, so two attempts
     * cannot both take one) and its document.
     */
    async setCaseStatus(input: SetStatusInput): Promise<void> {
      await db.transaction(async (m) => {
        let entry = input.entry;
        if (input.status === 'initiated') {
          const [row] = await m.query('SELECT agency_id, profile_version, case_number FROM cases WHERE id = $1 FOR UPDATE', [input.caseId]);
          let caseNumber: string | null = row.case_number;
          if (!caseNumber) {
            // A case whose input predates the rule takes it from the profile version it pinned.
            const numbering = input.numbering ?? (await pinnedNumbering(m, row.agency_id, row.profile_version));
            caseNumber = await assignNumber(m, assignedRule(numbering, 'case'), 'case', row.agency_id, input.at);
          }
          if (caseNumber) {
            await m.query('UPDATE cases SET case_number = $2 WHERE id = $1', [input.caseId, caseNumber]);
            entry = { ...entry, summary: `${entry.summary}，案号${caseNumber}`, details: { ...entry.details, caseNumber } };
          }
        }
        await m.query('UPDATE cases SET status = $2, updated_at = $3 WHERE id = $1', [input.caseId, input.status, input.at]);
        await appendRecord(m, { ...entry, caseId: input.caseId });
        if (input.status === 'initiated') await makeInitiationApproval(m, storageDir, input.caseId, entry.key, entry.actor ?? null);
      });
    },
  };
}
