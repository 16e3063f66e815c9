import { defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Period } from '../calendar/period';
import type { CaseStatus } from '../domain/case';
import type { MeasureDecision, MeasureKind } from '../domain/measures';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';
import type { StageInput } from './stage';

/** What the investigation of a case pins: the case's profile version and the calendar known then. */
export interface InvestigationInput extends StageInput {
  caseId: string;
  /** The case status when the investigation began; the case row holds the current one. */
  status: CaseStatus;
  profile: { id: string; version: number; regulationTitle: string; investigation: AgencyProfile['investigation'] };
}

/** A record as it will be stored, already checked against the profile by the API. */
export interface EvidenceRow {
  id: string;
  caseId: string;
  category: 'written' | 'audiovisual';
  kind: string;
  title: string;
  content: Record<string, unknown>;
  producerId: string;
  officers: unknown[];
  signatures: Record<string, unknown> | null;
  rightsTold: Record<string, unknown> | null;
  avRecordIds: string[];
  avOmissionReason: string | null;
  avVerdict: string | null;
  metadata: Record<string, string> | null;
  usedAsEvidence: boolean | null;
  retentionUntil: string | null;
  legalBasis: string | null;
  correctsId: string | null;
  correctionReason: string | null;
  recordedAt: string;
  createdBy: string;
}

/** A recording made outside the investigation (summary procedure, service), with its upload rule. */
export interface AvEvidence {
  record: EvidenceRow;
  upload: { from: string; period: Period; legalBasis: string };
}

export interface AddEvidenceCommand {
  record: EvidenceRow;
  by: Actor;
  summary: string;
  /** A defect to flag on the case with this record (e.g. a mandatory audiovisual record not made). */
  defect?: { kind: string; description: string; legalBasis: string };
  /** An audiovisual record's file must be stored within the profile's period from `from`. */
  upload?: { from: string; period: Period; legalBasis: string };
  /** Registered preservation (先行登记保存): a handling decision is due within the profile's period. */
  handling?: { period: Period; legalBasis: string };
}

export interface AddEvidenceResult {
  recordId: string;
  uploadTask?: { id: string; dueAt: string; dueComplete: boolean };
}

export const workflowIdForInvestigation = (caseId: string) => `investigation-${caseId}`;

/** The decision document is recorded: no more evidence; the workflow ends once its tasks and measures are settled. */
export const investigationClosedSignal = defineSignal('investigationClosed');

/** Appends a record; for an audiovisual record, opens its upload task with the deadline running. */
export const addEvidenceUpdate = defineUpdate<AddEvidenceResult, [AddEvidenceCommand]>('addEvidence');

export { MEASURE_DECISIONS, MEASURE_KINDS, MEASURE_LABELS } from '../domain/measures';
export type { MeasureDecision, MeasureKind } from '../domain/measures';

export interface TakeMeasureCommand {
  measureId: string;
  kind: MeasureKind;
  object: string;
  takenAt: string;
  recordId: string | null;
  by: Actor;
  /** Absent for a restriction of personal freedom: no period to time. */
  period?: Period;
  extension?: Period;
  legalBasis: string;
  extensionBasis?: string;
  familyNotified?: { method: string; at: string; recipient: string };
  /** Taken on the spot in an emergency: the chief's approval is due within this period (行政强制法 19). */
  emergency?: { period: Period; legalBasis: string };
}

export interface MeasureView {
  id: string;
  caseId: string;
  kind: MeasureKind;
  object: string;
  takenAt: string;
  /** Null while the clock is stopped (testing or appraisal under way). */
  dueAt: string | null;
  lastDay: string | null;
  complete: boolean;
  /** Years without a published schedule the due time reaches (absent from histories written before it). */
  missingYears?: number[];
  status: 'active' | 'paused' | 'extension_requested' | 'expired' | 'decided';
  extended: boolean;
  pauses: { from: string; to?: string; reason: string }[];
  decision: MeasureDecision | null;
  recordId: string | null;
  familyNotified: { method: string; at: string; recipient: string } | null;
}

export const takeMeasureUpdate = defineUpdate<MeasureView, [TakeMeasureCommand]>('takeMeasure');
/** Testing, inspection, quarantine or appraisal begins (不计入期间, 行政强制法 25 第三款) or ends. */
export const pauseMeasureUpdate = defineUpdate<MeasureView, [{ measureId: string; at: string; reason: string; by: Actor }]>('pauseMeasure');
export const resumeMeasureUpdate = defineUpdate<MeasureView, [{ measureId: string; at: string; by: Actor }]>('resumeMeasure');
/** Asks the chief for the one extension the law allows; opens the chief's task. */
export const requestExtensionUpdate = defineUpdate<MeasureView, [{ measureId: string; reason: string; by: Actor }]>('requestExtension');
export const decideMeasureUpdate = defineUpdate<
  MeasureView,
  [{ measureId: string; decision: MeasureDecision; content: string; by: Actor }]
>('decideMeasure');
