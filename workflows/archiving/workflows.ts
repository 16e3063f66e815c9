import { condition, patched } from '@temporalio/workflow';
import { activities } from '../activities';
import { describePeriod, periodBefore } from '#libs/calendar/period';
import { ArchiveInput } from '#libs/messages/archiving';
import { CaseState, CompleteTaskCommand } from '#libs/messages/tasks';
import { cite } from '#libs/profiles/cite';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { escalateWhenOverdue } from '../tasks/overdue';
import { refuse } from '../refuse';

const { archiveCase, noteRecord } = activities;
const FIELD_LABELS = {
  archive_number: '归档编号',
  category: '类别',
  retention_period: '保管期限',
  start_date: '起始日期',
  end_date: '终止日期',
} as const;
const FIELD_KEYS = {
  archive_number: 'archiveNumber',
  category: 'category',
  retention_period: 'retentionPeriod',
  start_date: 'startDate',
  end_date: 'endDate',
} as const;

/**
 * 归档: once the case ends, the custodian closes the case file within the profile's period (30
 * days; 003: 20), reminded before and escalated when late. The file carries its catalogue; one
 * with documents missing is closed only with a recorded reason; the profile's archive fields are required.
 */
export async function archiveWorkflow(input: ArchiveInput): Promise<void> {
  const state: CaseState = { caseId: input.caseId, status: 'ended', openTasks: [], overdue: false };
  const board = new TaskBoard(state, input);
  const rules = input.profile.archiving;
  const basis = cite(input.profile.regulationTitle, rules.deadline.source);
  const from = new Date(input.endedAt);
  let archived = false;
  void remind();

  const done = await board.ask({
    kind: 'archive_file',
    role: 'archivist',
    recordsItself: true,
    legalBasis: basis,
    validate: check,
    deadline: {
      from,
      period: rules.deadline.period,
      onOverdue: escalateWhenOverdue(state, input.agencyId, {
        kind: 'archive_overdue',
        legalBasis: basis,
        summary: `案件办结后${describePeriod(rules.deadline.period)}内未归档：${rules.custodian.title}须立即归档`,
        mustAct: [{ role: 'archivist' }, { role: 'unit_head' }, { role: 'chief' }],
      }),
    },
  });
  archived = true;
  const a = done.archive!;
  const onTime = Date.parse(done.at) <= Date.parse(done.dueAt!);
  await archiveCase({
    caseId: input.caseId,
    at: done.at,
    archive: a,
    by: done.by,
    onTime,
    entry: {
      key: 'case-archived',
      actor: done.by,
      action: 'case_archived',
      summary:
        `${done.by.name}将案卷归档（${a.archiveNumber ?? '未编号'}，共${a.catalogue.length}件，存放于${a.location}，${onTime ? '按期' : '逾期'}）` +
        (a.missing.length ? `；缺少：${a.missing.join('、')}，原因：${a.incompleteReason}` : ''),
      legalBasis: basis,
      details: { archiveNumber: a.archiveNumber, entries: a.catalogue.length, missing: a.missing, onTime },
    },
  });
  board.answerWaitingCallers();

  function check(cmd: CompleteTaskCommand): void {
    const a = cmd.archive!;
    if (a.missing.length && !a.incompleteReason)
      throw refuse('ARCHIVE_INCOMPLETE', `案卷缺少：${a.missing.join('、')}；须补齐或说明原因后方可归档`);
    const absent = (rules.fields?.fields ?? []).filter((f) => !a[FIELD_KEYS[f]]);
    if (absent.length) throw refuse('ARCHIVE_FIELD_MISSING', `须填写：${absent.map((f) => FIELD_LABELS[f]).join('、')}`);
  }

  /**
   * Reminders before the archive deadline (profile), while the file is not closed. Since the
   * estimates patch a year's schedule that arrives moves the reminder with the deadline it names.
   */
  async function remind(): Promise<void> {
    const rearm = patched('estimates-rearm');
    const first = board.deadlines.dueFor({ from, period: rules.deadline.period }).due!;
    for (const p of [...rules.deadline.warnBefore].sort((x, y) => y.amount - x.amount)) {
      for (;;) {
        const seen = board.deadlines.clockVersion;
        const moved = () => rearm && board.deadlines.clockVersion !== seen;
        const due = rearm ? board.deadlines.dueFor({ from, period: rules.deadline.period }).due : first;
        if (due === null) {
          // Suspended: the archive period stands still, and so do its reminders.
          await condition(() => archived || moved());
          if (archived) return;
          continue;
        }
        const at = periodBefore(due, p).getTime();
        if (at <= Date.now()) break;
        if (await condition(() => archived || moved(), at - Date.now())) {
          if (archived) return;
          continue;
        }
        await noteRecord({
          caseId: input.caseId,
          at: new Date().toISOString(),
          entry: {
            key: `archive-reminder:${p.amount}`,
            actor: null,
            action: 'deadline_warning',
            summary: `距归档期限届满还有${describePeriod(p)}（${chinaTime(due)}）`,
            legalBasis: basis,
          },
        });
        break;
      }
    }
  }
}
