import { defineUpdate } from '@temporalio/workflow';
import type { Period } from '../calendar/period';
import type { YearSchedule } from '../calendar/schedule';
import type { CaseStatus } from '../domain/case';
import type { Actor } from '../domain/roles';
import type { AgencyProfile } from '../profiles/schema';

/** What the investigation of a case pins: the case's profile version and the calendar known then. */
export interface InvestigationInput {
  caseId: string;
  agencyId: string;
  /** The case status when the investigation began; the case row holds the current one. */
  status: CaseStatus;
  profile: { id: string; version: number; regulationTitle: string; investigation: AgencyProfile['investigation'] };
  calendar: YearSchedule[];
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

export interface AddEvidenceCommand {
  record: EvidenceRow;
  by: Actor;
  summary: string;
  /** A defect to flag on the case with this record (e.g. a mandatory audiovisual record not made). */
  defect?: { kind: string; description: string; legalBasis: string };
  /** An audiovisual record's file must be stored within the profile's period from `from`. */
  upload?: { from: string; period: Period; legalBasis: string };
}

export interface AddEvidenceResult {
  recordId: string;
  uploadTask?: { id: string; dueAt: string; dueComplete: boolean };
}

export const workflowIdForInvestigation = (caseId: string) => `investigation-${caseId}`;

/** Appends a record; for an audiovisual record, opens its upload task with the deadline running. */
export const addEvidenceUpdate = defineUpdate<AddEvidenceResult, [AddEvidenceCommand]>('addEvidence');
