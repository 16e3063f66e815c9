/** Refusals of 归档 (archiving). */
export const ARCHIVING_REFUSALS = {
  ARCHIVE_NOT_OPEN: '案件尚未办结或已归档',
  ARCHIVE_INCOMPLETE: '案卷不完整，须补齐或说明原因后方可归档',
  ARCHIVE_FIELD_MISSING: '本机关规定的归档事项不完整',
} as const;
export type ArchivingRefusal = keyof typeof ARCHIVING_REFUSALS;
