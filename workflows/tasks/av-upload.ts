import { activities } from '../activities';
import { Period, describePeriod } from '../../libs/calendar/period';
import { CaseState } from '../../libs/messages/initiation';
import { TaskBoard } from './board';
import { escalateWhenOverdue } from './overdue';

const { attachAvFile } = activities;

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
  board.idle();
}
