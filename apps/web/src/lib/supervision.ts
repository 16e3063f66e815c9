import { CASE_STATUS_LABELS, STAGES, STAGE_LABELS } from '#libs/domain/case';

/** What the charts read of `GET /supervision/stats` (the API's StatsResponse has these fields). */
export interface Stats {
  casesByStage: { stage: string; status: string; cases: number }[];
  onTime: { kind: string; kindLabel: string; month: string; done: number; onTime: number; rate: number | null }[];
  overdueByUnit: { unit: string | null; overdue: number }[];
}

/** One bar series of the stacked stage chart: the cases of one status, per stage. */
export interface StatusSeries {
  status: string;
  label: string;
  /** One figure per stage of `stages`, in that order; 0 where the stage has no case of the status. */
  cases: number[];
}

/** Cases by stage (the x axis, in the stages' own order) stacked by status: the stats' figures unchanged. */
export function stageChart(stats: Pick<Stats, 'casesByStage'>): { stages: string[]; stageLabels: string[]; series: StatusSeries[] } {
  const stages = STAGES.filter((s) => stats.casesByStage.some((r) => r.stage === s));
  const statuses = [...new Set(stats.casesByStage.map((r) => r.status))];
  return {
    stages,
    stageLabels: stages.map((s) => STAGE_LABELS[s]),
    series: statuses.map((status) => ({
      status,
      label: statusLabel(status),
      cases: stages.map((s) => stats.casesByStage.find((r) => r.stage === s && r.status === status)?.cases ?? 0),
    })),
  };
}

/** One line of the on-time chart: a kind of task deadline, its rate (in per cent) per month. */
export interface RateSeries {
  kind: string;
  label: string;
  /** Per month of `months`; null where nothing of the kind was done that month (no rate to draw). */
  percent: (number | null)[];
}

/** On-time rate per kind of task and month (YYYY-MM, the months in order), as per cent with one decimal. */
export function onTimeChart(stats: Pick<Stats, 'onTime'>): { months: string[]; series: RateSeries[] } {
  const months = [...new Set(stats.onTime.map((r) => r.month))].sort();
  const kinds = new Map(stats.onTime.map((r) => [r.kind, r.kindLabel]));
  return {
    months,
    series: [...kinds].map(([kind, label]) => ({
      kind,
      label,
      percent: months.map((m) => percent(stats.onTime.find((r) => r.kind === kind && r.month === m)?.rate ?? null)),
    })),
  };
}

/** What the API's null unit means: the case has no handling officer yet. */
export const NO_UNIT = '未分配承办人';

/** Overdue items per unit, in the API's order (most first): the bars' labels and figures. */
export function unitChart(stats: Pick<Stats, 'overdueByUnit'>): { units: string[]; overdue: number[] } {
  return { units: stats.overdueByUnit.map((r) => unitLabel(r.unit)), overdue: stats.overdueByUnit.map((r) => r.overdue) };
}

export function unitLabel(unit: string | null): string {
  return unit ?? NO_UNIT;
}

/** A rate of 0…1 as per cent with one decimal (`0.6667` → 66.7); null stays null. */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

export function statusLabel(status: string): string {
  return CASE_STATUS_LABELS[status as keyof typeof CASE_STATUS_LABELS] ?? status;
}

export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage;
}
