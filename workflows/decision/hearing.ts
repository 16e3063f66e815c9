import { chinaDate } from '#libs/calendar/dates';
import { describePeriod } from '#libs/calendar/period';
import { PreDecisionNoticeView, hearingReportUpdate, recordHearingUpdate, scheduleHearingUpdate } from '#libs/messages/decision';
import { TaskBoard } from '../tasks/board';
import { chinaTime } from '../tasks/deadline-text';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';
import { PreDecisionNotice } from './pre-decision-notice';

/**
 * The hearing the party asked for after the pre-decision notice (行政处罚法 64): the hearing notice
 * at least the profile's period before it, the record of the hearing held, the hearing report.
 */
export class Hearing {
  constructor(
    private readonly notice: PreDecisionNotice,
    private readonly board: TaskBoard,
  ) {}

  private get rule() {
    return this.notice.rules.hearingNotice;
  }

  /** The hearing as scheduled, refused unless the notice was served and the party asked for one. */
  private scheduled(): PreDecisionNoticeView['hearing'] {
    this.notice.served();
    if (!this.notice.view.hearingRequested) throw refuse('HEARING_NOT_REQUESTED');
    return this.notice.view.hearing;
  }

  validateSchedule({ notifiedAt, at }: UpdateArg<typeof scheduleHearingUpdate>): void {
    if (this.scheduled()) throw refuse('HEARING_ALREADY_SCHEDULED');
    this.notice.afterNotice('notifiedAt', '听证通知送达时间', notifiedAt);
    const notice = this.board.deadlines.dueFor({ from: new Date(notifiedAt), period: this.rule.period });
    if (chinaDate(new Date(at)) <= notice.lastDay!) {
      throw refuse(
        'HEARING_NOTICE_TOO_SHORT',
        `听证通知须在举行听证${describePeriod(this.rule.period)}前送达：本次通知的听证最早可定于${notice.lastDay}之后`,
      );
    }
  }

  /** The entry's details hold what the 听证通知书 made with it prints (activities/documents/hearing-notice.ts). */
  async schedule({ notifiedAt, at, place, host, by }: UpdateArg<typeof scheduleHearingUpdate>): Promise<PreDecisionNoticeView> {
    const { view } = this.notice;
    view.hearing = { notifiedAt, at, place, heldAt: null, reported: false };
    await this.notice.note(
      'hearing-scheduled',
      by,
      'hearing_scheduled',
      `已于${chinaTime(notifiedAt)}通知当事人：听证定于${chinaTime(at)}在${place}举行${host ? `，主持人${host}` : ''}`,
      this.notice.basis(this.rule.source),
      { notifiedAt, at, place, host: host ?? null },
    );
    return { ...view };
  }

  validateRecord({ heldAt }: UpdateArg<typeof recordHearingUpdate>): void {
    const h = this.scheduled();
    if (!h) throw refuse('HEARING_NOT_SCHEDULED');
    if (h.heldAt) throw refuse('HEARING_ALREADY_HELD');
    if (chinaDate(new Date(heldAt)) < chinaDate(new Date(h.at))) throw refuse('HEARING_BEFORE_NOTICE_DATE');
  }

  async record({ heldAt, participants, record, by }: UpdateArg<typeof recordHearingUpdate>): Promise<PreDecisionNoticeView> {
    const { view } = this.notice;
    view.hearing!.heldAt = heldAt;
    await this.notice.note(
      'hearing-held',
      by,
      'hearing_held',
      `听证于${chinaTime(heldAt)}举行（参加人员：${participants}）；听证笔录：${record}`,
      this.notice.basis(this.rule.source),
    );
    return { ...view };
  }

  validateReport(_request: unknown): void {
    if (!this.scheduled()?.heldAt) throw refuse('HEARING_NOT_HELD');
    if (this.notice.view.hearing!.reported) throw refuse('HEARING_ALREADY_REPORTED');
  }

  async report({ report, by }: UpdateArg<typeof hearingReportUpdate>): Promise<PreDecisionNoticeView> {
    const { view } = this.notice;
    view.hearing!.reported = true;
    await this.notice.note('hearing-reported', by, 'hearing_reported', `听证报告：${report}`, this.notice.basis(this.rule.source));
    return { ...view };
  }
}
