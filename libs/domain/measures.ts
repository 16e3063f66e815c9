/**
 * 查封、扣押、冻结 (行政强制法 25, 32): a period from the profile, paused for testing, extended once.
 * 限制人身自由 (20): no period of its own (the authorizing law's limit applies); the family is told at once.
 * Kept apart from the measures' workflow messages so the workbench can show the labels without them.
 */
export const MEASURE_KINDS = ['seal', 'seize', 'freeze', 'restrict'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_LABELS: Record<MeasureKind, string> = { seal: '查封', seize: '扣押', freeze: '冻结', restrict: '限制人身自由' };
export const MEASURE_DECISIONS = ['release', 'confiscate', 'transfer', 'other'] as const;
export type MeasureDecision = (typeof MEASURE_DECISIONS)[number];
