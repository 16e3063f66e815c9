import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseClock } from '../../domain/case-operations';
import { CaseSource, CaseStatus, InitiationForm, Procedure, Stage } from '../../domain/case';

/** Projection of a case, written only by activities; the workflow is the source of truth for its progress. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'profile_version', type: 'int' }) profileVersion: number;
  @Column({ type: 'text' }) source: CaseSource;
  @Column({ type: 'boolean' }) emergency: boolean;
  @Column({ type: 'text' }) status: CaseStatus;
  @Column({ type: 'text' }) stage: Stage;
  @Column({ type: 'text', default: 'general' }) procedure: Procedure;
  @Column({ name: 'handling_officer_id', type: 'uuid' }) handlingOfficerId: string;
  @Column({ type: 'jsonb' }) form: InitiationForm;
  @Column({ type: 'boolean', default: false }) overdue: boolean;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** Suspensions (中止) and whether the clock stands still now. */
  @Column({ type: 'jsonb', default: () => `'{"pauses": [], "suspended": null}'` }) clock: CaseClock;
  /** 案号, assigned at filing (立案) from the pinned profile's pattern, unique within the agency; null before filing. */
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber: string | null;
  /** The 文号 of the decision that decided it, unique within the agency. */
  @Column({ name: 'decision_number', type: 'text', nullable: true }) decisionNumber: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
}
