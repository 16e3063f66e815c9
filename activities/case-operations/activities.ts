import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CaseClock, nextClock } from '#libs/domain/case-operations';
import { RecordEntryInput } from '#libs/domain/record';
import { Actor } from '#libs/domain/roles';
import { workflowIdForDecision } from '#libs/messages/decision';
import { workflowIdForExecution } from '#libs/messages/execution';
import { workflowIdForInitiation } from '#libs/messages/initiation';
import { workflowIdForInvestigation } from '#libs/messages/investigation';
import { workflowIdForService } from '#libs/messages/service';
import { workflowIdForSummary } from '#libs/messages/summary';
import { appendRecord } from '#libs/persistence/append-record';
import { makePendingDocuments } from '../documents/later';

type Entry = Omit<RecordEntryInput, 'caseId'>;

export interface OperationDecision {
  operationId: string;
  caseId: string;
  at: string;
  by: Actor;
  approved: boolean;
  opinion: string;
  entry: Entry;
}

export function createCaseOperationActivities(db: DataSource, temporal: Client, storageDir: string) {
  return {
    /** The chief's decision on the operation, with its record line. Safe to retry: only a pending row changes; keyed entry. */
    async decideCaseOperation(d: OperationDecision): Promise<void> {
      await db.transaction(async (m) => {
        await m.query(
          `UPDATE case_operations SET status = $2, decided_by = $3, decided_at = $4, opinion = $5 WHERE id = $1 AND status = 'pending'`,
          [d.operationId, d.approved ? 'approved' : 'rejected', d.by.id, d.at, d.opinion],
        );
        await appendRecord(m, { ...d.entry, caseId: d.caseId });
      });
    },

    /**
     * Stops or restarts the case clock (an approved 中止 or 恢复): the new clock, computed from the
     * stored one under a row lock, is kept on the case and returned for the workflows. Safe to
     * retry: `nextClock` is idempotent per operation; keyed entry.
     */
    async changeCaseClock(input: {
      operationId: string;
      caseId: string;
      kind: 'suspension' | 'resumption';
      at: string;
      reason: string;
      entry: Entry;
    }): Promise<CaseClock> {
      return db.transaction(async (m) => {
        const [{ clock }] = await m.query('SELECT clock FROM cases WHERE id = $1 FOR UPDATE', [input.caseId]);
        const next = nextClock(clock, { id: input.operationId, kind: input.kind, at: input.at, reason: input.reason });
        await m.query('UPDATE cases SET clock = $2, updated_at = $3 WHERE id = $1', [input.caseId, JSON.stringify(next), input.at]);
        await m.query(`UPDATE case_operations SET status = 'completed' WHERE id = $1`, [input.operationId]);
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
        return next;
      });
    },

    /** Every workflow of the case that keeps a clock or a task and may still run. Read-only. */
    async caseWorkflows(caseId: string): Promise<{ ids: string[] }> {
      const services: { id: string }[] = await db.query(`SELECT id FROM services WHERE case_id = $1 AND status = 'pending'`, [caseId]);
      const ids = [
        workflowIdForInitiation(caseId),
        workflowIdForInvestigation(caseId),
        workflowIdForDecision(caseId),
        workflowIdForSummary(caseId),
        workflowIdForExecution(caseId),
        ...services.map((s) => workflowIdForService(caseId, s.id)),
      ];
      return { ids };
    },

    /**
     * Ends the case's running workflows (终结, 移送): terminated with the reason in their history,
     * children with them. Safe to retry: one already ended is skipped.
     */
    async endCaseWorkflows(input: { ids: string[]; reason: string }): Promise<void> {
      for (const id of input.ids) {
        try {
          await temporal.workflow.getHandle(id).terminate(input.reason);
        } catch (e) {
          if (!(e instanceof WorkflowNotFoundError)) throw e;
        }
      }
    },

    /**
     * Ends a terminated or transferred case once its workflows were cancelled: the documents their steps
     * named and they had not made yet made (pending_documents), open tasks cancelled (except
     * `keepWorkflowId`'s), the case closed for archiving, the operation completed. Safe to retry:
     * guarded updates, keyed entry, a document made once.
     */
    async closeCase(input: {
      operationId: string;
      caseId: string;
      status: 'terminated' | 'transferred';
      at: string;
      keepWorkflowId: string;
      receipt?: unknown;
      entry: Entry;
    }): Promise<void> {
      await makePendingDocuments(db, storageDir, input.caseId);
      await db.transaction(async (m) => {
        await m.query(
          `UPDATE tasks SET status = 'cancelled', completed_at = $2 WHERE case_id = $1 AND status = 'open' AND workflow_id <> $3`,
          [input.caseId, input.at, input.keepWorkflowId],
        );
        await m.query('UPDATE escalations SET resolved_at = $2 WHERE case_id = $1 AND resolved_at IS NULL', [input.caseId, input.at]);
        // The case's own deadlines stop with it, and say so (not 'running' for ever).
        await m.query(
          `UPDATE case_deadlines SET state = 'stopped', ended = $2, ended_at = $3, updated_at = $3 WHERE case_id = $1 AND state <> 'met'`,
          [input.caseId, input.status, input.at],
        );
        await m.query(
          `UPDATE cases SET status = $2, stage = 'archiving', overdue = false, ended_at = $3, updated_at = $3 WHERE id = $1 AND status NOT IN ('terminated', 'transferred')`,
          [input.caseId, input.status, input.at],
        );
        await m.query(`UPDATE case_operations SET status = 'completed', receipt = $2 WHERE id = $1`, [
          input.operationId,
          input.receipt ? JSON.stringify(input.receipt) : null,
        ]);
        await appendRecord(m, { ...input.entry, caseId: input.caseId });
      });
    },
  };
}
