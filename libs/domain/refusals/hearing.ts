/** Refusals of 听证 (hearing): the party's request, the notice, the hearing itself and its report. */
export const HEARING_REFUSALS = {
  HEARING_WINDOW_OPEN: '听证申请期限届满或当事人书面放弃前不得作出决定',
  HEARING_PENDING: '当事人已申请听证，须先举行听证并提交听证报告',
  HEARING_REQUEST_LATE: '听证申请期限已届满',
  HEARING_WAIVED: '当事人已书面放弃听证',
  HEARING_ALREADY_REQUESTED: '当事人已申请听证',
  HEARING_NOT_REQUESTED: '当事人未申请听证',
  HEARING_ALREADY_SCHEDULED: '听证已安排',
  HEARING_NOTICE_TOO_SHORT: '听证通知须在举行听证七个工作日前送达',
  HEARING_NOT_SCHEDULED: '听证尚未安排',
  HEARING_ALREADY_HELD: '听证笔录已记录',
  HEARING_BEFORE_NOTICE_DATE: '听证不得早于通知的日期举行',
  HEARING_NOT_HELD: '听证尚未举行',
  HEARING_ALREADY_REPORTED: '听证报告已提交',
} as const;
export type HearingRefusal = keyof typeof HEARING_REFUSALS;
