import { uuid4 } from '@temporalio/workflow';
import { activities } from '../activities';
import { Period, describePeriod } from '#libs/calendar/period';
import { Actor } from '#libs/domain/roles';
import { CaseState } from '#libs/messages/tasks';
import { AvEvidence } from '#libs/messages/investigation';
import { TaskBoard } from './board';
import { chinaTime } from './deadline-text';
import { escalateWhenOverdue } from './overdue';

const { attachAvFile, appendEvidence } = activities;

export interface AvUpload {
  taskId: string;
  record: { id: string; title: string; producerId: string };
  rule: { from: string; period: Period; legalBasis: string };
}

/**
 * The producer stores an audiovisual record's file within the profile's period: late → escalated
 * to the unit head, and the lateness recorded with the file.
 */
export async function awaitAvUpload(board: TaskBoard, state: CaseState, agencyId: string, u: AvUpload): Promise<void> {
  const stored = await board.ask({
    id: u.taskId,
    kind: 'av_upload',
    recordsItself: true,
    role: 'officer',
    assigneeId: u.record.producerId,
    legalBasis: u.rule.legalBasis,
    deadline: {
      from: new Date(u.rule.from),
      period: u.rule.period,
      onOverdue: escalateWhenOverdue(state, agencyId, {
        kind: 'av_upload_overdue',
        legalBasis: u.rule.legalBasis,
        summary: `音像记录「${u.record.title}」未在${describePeriod(u.rule.period)}内存储至执法信息系统，已逾期：制作人须立即存储，承办机构负责人督办`,
        mustAct: [{ role: 'unit_head' }, { role: 'officer', userId: u.record.producerId }],
      }),
    },
  });
  const onTime = Date.parse(stored.at) <= Date.parse(stored.dueAt!);
  await attachAvFile({
    caseId: state.caseId,
    recordId: u.record.id,
    file: stored.file!,
    storedAt: stored.at,
    onTime,
    entry: {
      key: `av-file:${u.record.id}`,
      actor: stored.by,
      action: 'av_file_stored',
      summary: `音像记录「${u.record.title}」已存储（SHA-256 ${stored.file!.sha256.slice(0, 16)}…，${onTime ? '按期' : '逾期'}）`,
      legalBasis: u.rule.legalBasis,
      details: { recordId: u.record.id, sha256: stored.file!.sha256, dueAt: stored.dueAt, onTime },
    },
  });
  board.answerWaitingCallers();
}

/**
 * A recording made outside the investigation (a disputed summary procedure, a lodged service, a
 * posted notice) becomes evidence of the case, and its producer's upload task opens. Resolves once
 * the task is open, with the upload still to come.
 */
export async function appendAvEvidence(
  board: TaskBoard,
  state: CaseState,
  agencyId: string,
  av: AvEvidence,
  by: Actor,
  what: string,
): Promise<{ stored: Promise<void> }> {
  const taskId = uuid4();
  const due = board.deadlines.dueFor({ from: new Date(av.upload.from), period: av.upload.period });
  await appendEvidence({
    record: { ...av.record, uploadTaskId: taskId, uploadDueAt: due.due ?? null },
    entry: {
      key: `evidence:${av.record.id}`,
      actor: by,
      action: 'evidence_recorded',
      summary: `${by.name}对${what}进行音像记录「${av.record.title}」；须于${chinaTime(due.due!)}前存储至执法信息系统`,
      legalBasis: av.upload.legalBasis,
      details: { recordId: av.record.id, kind: av.record.kind, uploadDueAt: due.due },
    },
    at: new Date().toISOString(),
  });
  const stored = awaitAvUpload(board, state, agencyId, { taskId, record: av.record, rule: av.upload });
  await board.opened(taskId);
  return { stored };
}
