import { EntityManager } from 'typeorm';
import { numberingOf } from '#libs/profiles/schema';
import type { DocDefinition } from '#libs/documents/pdf';
import { type PreviewKind, asPreview, numberPlaceholder } from '#libs/documents/preview';
import { decisionDefinition, decisionFromRecord } from './decision';
import { noticeDefinition, preDecisionNoticeFromRecord } from './pre-decision-notice';
import { approvedDraft, caseFacts, entryOrNull } from './sources';

/**
 * A document as it will be generated, before the step that makes it: the same reading of the record and
 * the same template as the step's activity, with what the step adds left blank — the 文号 as the agency's
 * numbering rule will give it with year and sequence blank (numberPlaceholder), the date, the officer who
 * records it — and the PDF dated `now`, marked 预览稿 on every page. Once the step happened, the document
 * as it was generated (also marked). Null when there is nothing to show: no draft yet, or no pinned profile.
 * Stores nothing and writes nothing to the record.
 */
export async function documentPreview(m: EntityManager, caseId: string, kind: PreviewKind, now: Date): Promise<DocDefinition | null> {
  const made = kind === 'decision' ? await decisionPreview(m, caseId, now) : await noticePreview(m, caseId, now);
  return made && asPreview(made);
}

async function decisionPreview(m: EntityManager, caseId: string, now: Date): Promise<DocDefinition | null> {
  const issued = await entryOrNull(m, caseId, 'decision-issued');
  if (issued) return (await decisionFromRecord(m, caseId, 'decision-issued', null))?.definition ?? null;
  const facts = await caseFacts(m, caseId);
  const draft = await approvedDraft(m, caseId);
  const { profile } = facts;
  if (!draft || !profile) return null;
  const numbering = numberingOf(profile);
  const number = numberPlaceholder(numbering.rules.decision, numbering.agencyShort);
  return decisionDefinition(m, caseId, { ...facts, profile }, draft, {
    number,
    decidedOn: null,
    issuedBy: null,
    madeAt: now.toISOString(),
  });
}

async function noticePreview(m: EntityManager, caseId: string, now: Date): Promise<DocDefinition | null> {
  const served = await entryOrNull(m, caseId, 'notice-served');
  if (served) return (await preDecisionNoticeFromRecord(m, caseId, 'notice-served', null))?.definition ?? null;
  const facts = await caseFacts(m, caseId);
  const draft = await approvedDraft(m, caseId);
  const { profile } = facts;
  if (!draft || !profile) return null;
  return (await noticeDefinition(m, caseId, { ...facts, profile }, draft, null, now.toISOString())).definition;
}
