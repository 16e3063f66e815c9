import { DataSource, EntityManager } from 'typeorm';
import { RecordEntryInput } from '#libs/domain/record';
import { Completion, TaskRef } from '#libs/domain/tasks';
import { MADE_BY } from '#libs/documents/kinds';
import { MustAct } from '#libs/domain/record';
import { appendRecord } from '#libs/persistence/append-record';
import { makeLegalReviewOpinion } from '../documents/legal-review-opinion';

export interface EscalationInput {
  id: string;
  caseId: string;
  agencyId: string;
  taskId?: string;
  kind: string;
  dueAt: string;
  at: string;
  mustAct: MustAct[];
  legalBasis: string;
  summary: string;
}

export type OpenTaskInput = TaskRef & { workflowId: string };

/** Writes a new open task inside the caller's transaction; a retry finds it there (the id comes from the workflow). */
export async function insertTask(m: EntityManager, task: OpenTaskInput): Promise<void> {
  await m.query(
    `INSERT INTO tasks (id, case_id, agency_id, workflow_id, kind, role, assignee_id, status, due_at, opened_at,
                        due_complete, due_missing_years)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $10, $11)
     ON CONFLICT (id) DO NOTHING`,
    [
      task.id,
      task.caseId,
      task.agencyId,
      task.workflowId,
      task.kind,
      task.role,
      task.assigneeId ?? null,
      task.dueAt ?? null,
      task.openedAt,
      task.dueComplete ?? true,
      task.dueMissingYears ?? [],
    ],
  );
}

/** `storageDir`: where generated documents are stored by hash (the audio-video files' storage). */
export function createTaskActivities(db: DataSource, storageDir: string) {
  return {
    /** Projects a new open task. Safe to retry: the task id comes from the workflow. */
    async openTask(task: OpenTaskInput): Promise<void> {
      await insertTask(db.manager, task);
    },

    /** The task now belongs to another person, with the line that says who and why. Safe to retry: keyed entry. */
    async reassignTask(input: { task: TaskRef; at: string; entry: Omit<RecordEntryInput, 'caseId'> }) {
      await db.transaction(async (m) => {
        await m.query(`UPDATE tasks SET assignee_id = $2 WHERE id = $1 AND status = 'open'`, [input.task.id, input.task.assigneeId]);
        await appendRecord(m, { ...input.entry, caseId: input.task.caseId });
      });
    },

    /**
     * Closes the task, resolves the escalations it caused and appends the step to the record,
     * in one transaction; the legal review completed makes its 法制审核意见书 in it (documents/
     * legal-review-opinion.ts). Safe to retry: the update only matches an open task, the entry and the
     * document are keyed.
     */
    async completeTask(input: { task: TaskRef; completion: Completion; entry?: Omit<RecordEntryInput, 'caseId'> }) {
      const { task, completion } = input;
      await db.transaction(async (m) => {
        await m.query(
          `UPDATE tasks SET status = 'completed', completed_at = $2, completed_by = $3, decision = $4,
                            opinion = $5, notification = $6
            WHERE id = $1 AND status = 'open'`,
          [
            task.id,
            completion.at,
            completion.by.id,
            completion.decision,
            completion.opinion,
            completion.notification ? JSON.stringify(completion.notification) : null,
          ],
        );
        await m.query('UPDATE escalations SET resolved_at = $2 WHERE task_id = $1 AND resolved_at IS NULL', [task.id, completion.at]);
        await m.query(
          `UPDATE cases SET updated_at = $2,
                  overdue = EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = $1 AND e.resolved_at IS NULL)
            WHERE id = $1`,
          [task.caseId, completion.at],
        );
        if (input.entry) await appendRecord(m, { ...input.entry, caseId: task.caseId });
        if (input.entry && task.kind === MADE_BY.legal_review_opinion.details?.kind)
          await makeLegalReviewOpinion(m, storageDir, task.caseId, input.entry.key, input.entry.actor ?? null);
      });
    },

    /** Moves a task's due time (a schedule arrived, the case clock stopped or restarted) and records it. Safe to retry: keyed entry. */
    async rescheduleTask(input: { task: TaskRef; at: string; entry: Omit<RecordEntryInput, 'caseId'> }) {
      const { task } = input;
      await db.transaction(async (m) => {
        await m.query('UPDATE tasks SET due_at = $2, due_complete = $3, due_missing_years = $4 WHERE id = $1', [
          task.id,
          task.dueAt ?? null, // none while the case is suspended
          task.dueComplete ?? true,
          task.dueMissingYears ?? [],
        ]);
        await appendRecord(m, { ...input.entry, caseId: task.caseId });
      });
    },

    /** Records that a deadline ran out and who must act; flags the case overdue. Safe to retry: keyed by id. */
    async escalate(input: EscalationInput): Promise<void> {
      await db.transaction(async (m) => {
        await m.query(
          `INSERT INTO escalations (id, case_id, agency_id, task_id, kind, due_at, escalated_at, must_act, legal_basis)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
          [
            input.id,
            input.caseId,
            input.agencyId,
            input.taskId ?? null,
            input.kind,
            input.dueAt,
            input.at,
            JSON.stringify(input.mustAct),
            input.legalBasis,
          ],
        );
        await m.query('UPDATE cases SET overdue = true, updated_at = $2 WHERE id = $1', [input.caseId, input.at]);
        await appendRecord(m, {
          caseId: input.caseId,
          key: `escalation:${input.id}`,
          actor: null,
          action: 'deadline_escalated',
          summary: input.summary,
          legalBasis: input.legalBasis,
          details: { kind: input.kind, dueAt: input.dueAt, mustAct: input.mustAct, taskId: input.taskId },
        });
      });
    },
  };
}
