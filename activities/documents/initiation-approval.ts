import { EntityManager } from 'typeorm';
import type { CaseSource, InitiationForm } from '#libs/domain/case';
import type { Actor } from '#libs/domain/roles';
import { initiationApprovalDocument } from '#libs/documents/initiation-approval';
import { type DocumentToMake, makeDocument } from './generate';
import { caseFacts, entryOrNull, lastCompletion, stepEntry } from './sources';

/**
 * The 程序启动审批表 of a filed case as the record gives it: the form as registered (the `registered`
 * entry), the emergency start, the unit head's and the approver's completions and the filing's entry with
 * the 案号. Null for a case filed before numbering (no 案号).
 */
export async function initiationApprovalFromRecord(
  m: EntityManager,
  caseId: string,
  stepRef: string,
  actor: Actor | null,
): Promise<DocumentToMake | null> {
  const facts = await caseFacts(m, caseId);
  const number = facts.caseNumber;
  const registered = await entryOrNull(m, caseId, 'registered');
  if (!number || !registered) return null;
  const step = await stepEntry(m, caseId, stepRef);
  const form = registered.details.form as InitiationForm;
  const unitHead = await lastCompletion(m, caseId, 'unit_head_review');
  const approval = await lastCompletion(m, caseId, 'chief_approval', 'approve');
  const emergency = await entryOrNull(m, caseId, 'emergency_started');
  const signed = (c: NonNullable<typeof unitHead>) => ({ opinion: c.opinion, name: c.actorName ?? '', at: c.at });
  return {
    caseId,
    kind: 'initiation_approval',
    number,
    stepRef,
    madeAt: step.at,
    actor,
    definition: initiationApprovalDocument({
      agencyName: facts.agencyName,
      caseNumber: number,
      source: registered.details.source as CaseSource,
      caseSource: form.caseSource,
      reason: form.reason,
      facts: form.facts,
      parties: form.parties ?? [],
      emergencyAt: emergency?.at ?? null,
      handler: { opinion: form.handlerOpinion, name: registered.actorName ?? '', at: registered.at },
      unitHead: unitHead && signed(unitHead),
      approver: {
        ...(approval ? signed(approval) : { opinion: '', name: step.actorName ?? '', at: step.at }),
        title: facts.profile?.initiation.approver.title ?? '负责人',
      },
      madeAt: step.at,
    }),
  };
}

/** Makes the 程序启动审批表 in the transaction that files the case (see generate.ts). Safe to retry. */
export async function makeInitiationApproval(m: EntityManager, storageDir: string, caseId: string, stepRef: string, actor: Actor | null) {
  const d = await initiationApprovalFromRecord(m, caseId, stepRef, actor);
  if (d) await makeDocument(m, storageDir, d);
}
