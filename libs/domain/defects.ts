/**
 * The defects the seeds name, for 评议考核 (002 第三十四条): one list per case and per person,
 * read from one view (`accountability_items`) by the case's own page and the supervisor's.
 */
export const DEFECT_LABELS: Record<string, string> = {
  av_missing: '未按规定进行音像记录',
  av_late: '音像记录逾期存储',
  av_not_stored: '音像记录逾期未存储',
  archived_late: '案卷逾期归档',
  not_archived: '案卷逾期未归档',
};
