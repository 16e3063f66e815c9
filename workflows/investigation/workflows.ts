import { allHandlersFinished, condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod } from '#libs/calendar/period';
import { CaseState } from '#libs/messages/tasks';
import {
  AddEvidenceCommand,
  AddEvidenceResult,
  InvestigationInput,
  addEvidenceUpdate,
  decideMeasureUpdate,
  investigationClosedSignal,
  pauseMeasureUpdate,
  requestExtensionUpdate,
  resumeMeasureUpdate,
  takeMeasureUpdate,
} from '#libs/messages/investigation';
import { awaitAvUpload } from '../tasks/av-upload';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { escalateWhenOverdue } from '../tasks/overdue';
import { CoerciveMeasures } from './measures';
import { refuse } from '../refuse';

const { appendEvidence, noteRecord } = activities;

/**
 * 调查取证 of one case: records are appended through it, and each audiovisual record opens a task
 * for its producer to store the file within the profile's period (24 hours, 2 working days…); a
 * timer escalates a late upload to the unit head. It runs while the case is under investigation.
 */
export async function investigationWorkflow(input: InvestigationInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: input.status, openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const added = new Map<string, AddEvidenceResult>();
  const measures = new CoerciveMeasures(input, board, state);
  setHandler(takeMeasureUpdate, (cmd) => measures.take(cmd));
  setHandler(pauseMeasureUpdate, (c) => measures.pause(c), { validator: (c) => measures.validatePause(c) });
  setHandler(resumeMeasureUpdate, (c) => measures.resume(c), { validator: (c) => measures.validateResume(c) });
  setHandler(requestExtensionUpdate, (c) => measures.requestExtension(c), { validator: (c) => measures.validateExtension(c) });
  setHandler(decideMeasureUpdate, (c) => measures.decide(c), { validator: (c) => measures.validateDecision(c) });
  let closed = false;
  setHandler(investigationClosedSignal, () => {
    closed = true;
  });

  setHandler(
    addEvidenceUpdate,
    async (cmd) => {
      const known = added.get(cmd.record.id);
      if (known) return known; // the same record sent again under another update id
      const upload = cmd.upload && {
        id: uuid4(),
        due: board.deadlines.dueFor({ from: new Date(cmd.upload.from), period: cmd.upload.period }),
      };
      const at = new Date().toISOString();
      await appendEvidence({
        record: { ...cmd.record, uploadTaskId: upload?.id ?? null, uploadDueAt: upload?.due.due ?? null },
        defect: cmd.defect && { id: `${cmd.record.id}:${cmd.defect.kind}`, ...cmd.defect },
        entry: {
          key: `evidence:${cmd.record.id}`,
          actor: cmd.by,
          action: 'evidence_recorded',
          summary: upload ? `${cmd.summary}；须于${chinaTime(upload.due.due!)}前存储至执法信息系统` : cmd.summary,
          legalBasis: cmd.record.legalBasis ?? cmd.upload?.legalBasis,
          details: { recordId: cmd.record.id, kind: cmd.record.kind, uploadDueAt: upload?.due.due, defect: cmd.defect?.kind },
        },
        at,
      });
      const result: AddEvidenceResult = { recordId: cmd.record.id };
      if (upload) {
        void awaitAvUpload(board, state, input.agencyId, { taskId: upload.id, record: cmd.record, rule: cmd.upload! });
        const task = await board.opened(upload.id);
        result.uploadTask = { id: task.id, dueAt: task.dueAt!, dueComplete: task.dueComplete ?? true };
      }
      if (cmd.handling) {
        const taskId = uuid4();
        void awaitHandling(cmd, taskId);
        await board.opened(taskId);
      }
      added.set(cmd.record.id, result);
      return result;
    },
    {
      validator: (_cmd: unknown) => {
        if (closed) throw refuse('CASE_NOT_UNDER_INVESTIGATION', '案件已作出处理决定，调查取证已结束');
      },
    },
  );

  /** 先行登记保存 (行政处罚法 56): the handling decision is due within the profile's period. */
  async function awaitHandling(cmd: AddEvidenceCommand, taskId: string): Promise<void> {
    const rule = cmd.handling!;
    await board.ask({
      id: taskId,
      kind: 'preservation_handling',
      role: 'officer',
      assigneeId: cmd.record.producerId,
      legalBasis: rule.legalBasis,
      deadline: {
        from: new Date(cmd.record.recordedAt),
        period: rule.period,
        onLastDay: async (task) => {
          await noteRecord({
            caseId: input.caseId,
            at: new Date().toISOString(),
            entry: {
              key: `last-day:${task.id}`,
              actor: null,
              action: 'deadline_last_day',
              summary: `先行登记保存「${cmd.record.title}」的处理决定期限今日届满（${chinaTime(task.dueAt!)}），请承办人及时作出处理决定`,
              legalBasis: rule.legalBasis,
              details: { taskId: task.id, dueAt: task.dueAt },
            },
          });
        },
        onOverdue: escalateWhenOverdue(state, input.agencyId, {
          kind: 'preservation_overdue',
          legalBasis: rule.legalBasis,
          summary: `先行登记保存「${cmd.record.title}」已满${describePeriod(rule.period)}，未作出处理决定`,
          mustAct: [{ role: 'officer', userId: cmd.record.producerId }, { role: 'unit_head' }, { role: 'chief' }],
        }),
      },
    });
    board.answerWaitingCallers();
  }

  // Added after cases existed: the decision closes the investigation, which ends once every upload,
  // handling decision and coercive measure is settled (a seizure outlives the penalty decision).
  if (patched('closes-after-decision')) {
    await condition(() => closed && board.snapshot().openTasks.length === 0 && measures.settled() && allHandlersFinished());
    return;
  }
  await condition(() => false);
}
