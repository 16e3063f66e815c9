import { EntityManager } from 'typeorm';
import type { Actor } from '#libs/domain/roles';
import { type DocumentCopy, partyCopy } from '#libs/documents/confidential';
import type { DocumentKind } from '#libs/documents/kinds';
import { decisionFromRecord } from './decision';
import { demandNoticeFromRecord } from './demand-notice';
import { type Correction, type DocumentToMake, type MadeDocument, makeDocument } from './generate';
import { collectiveDiscussionFromRecord } from './collective-discussion-record';
import { courtApplicationFromRecord } from './court-application';
import { initiationApprovalFromRecord } from './initiation-approval';
import { fieldRecordFromRecord } from './field-record';
import { hearingNoticeFromRecord } from './hearing-notice';
import { legalReviewOpinionFromRecord } from './legal-review-opinion';
import { onTheSpotDecisionFromRecord } from './on-the-spot-decision';
import { preDecisionNoticeFromRecord } from './pre-decision-notice';
import { publicNoticeFromRecord } from './public-notice';
import { receiptFromRecord } from './service-receipt';

/** A stored document as far as rendering it again needs: which case, which kind, which step. */
export interface DocumentRef {
  caseId: string;
  kind: DocumentKind;
  stepRef: string;
}

/**
 * The definition of a document of the case as the record gives it now, in the original or a party's copy,
 * the same function the step that made it called (so an unchanged record gives the stored bytes). Null
 * where the record no longer gives one (see each template's `…FromRecord`).
 */
export async function documentFromRecord(
  m: EntityManager,
  ref: DocumentRef,
  actor: Actor | null,
  copy: DocumentCopy = 'original',
): Promise<DocumentToMake | null> {
  const d = await original(m, ref, actor, copy);
  return d && copy === 'party' ? { ...d, definition: partyCopy(d.definition) } : d;
}

async function original(
  m: EntityManager,
  { caseId, kind, stepRef }: DocumentRef,
  actor: Actor | null,
  copy: DocumentCopy,
): Promise<DocumentToMake | null> {
  switch (kind) {
    case 'initiation_approval':
      return initiationApprovalFromRecord(m, caseId, stepRef, actor);
    case 'pre_decision_notice':
      return preDecisionNoticeFromRecord(m, caseId, stepRef, actor, copy);
    case 'decision':
      return decisionFromRecord(m, caseId, stepRef, actor, copy);
    case 'service_receipt':
    case 'public_notice': {
      // The step's key names the attempt (`service-attempt:<attemptId>`); its service's view holds it.
      const attemptId = stepRef.slice(stepRef.indexOf(':') + 1);
      const [s] = await m.query(`SELECT view FROM services WHERE case_id = $1 AND view->'attempts' @> $2::jsonb`, [
        caseId,
        JSON.stringify([{ id: attemptId }]),
      ]);
      if (!s) return null;
      return kind === 'public_notice'
        ? publicNoticeFromRecord(m, s.view, attemptId, stepRef)
        : receiptFromRecord(m, s.view, attemptId, stepRef);
    }
    case 'inquiry_transcript':
    case 'on_site_inspection_transcript':
      // The step's key names the written record (`evidence:<recordId>`).
      return fieldRecordFromRecord(m, caseId, stepRef.slice(stepRef.indexOf(':') + 1), stepRef, actor, copy);
    case 'on_the_spot_decision':
      return onTheSpotDecisionFromRecord(m, caseId, stepRef, actor);
    case 'hearing_notice':
      return hearingNoticeFromRecord(m, caseId, stepRef, actor);
    case 'demand_notice': {
      const [e] = await m.query('SELECT view FROM executions WHERE case_id = $1', [caseId]);
      return e ? demandNoticeFromRecord(m, e.view, stepRef) : null;
    }
    case 'legal_review_opinion':
      return legalReviewOpinionFromRecord(m, caseId, stepRef, actor);
    case 'collective_discussion_record':
      return collectiveDiscussionFromRecord(m, caseId, stepRef, actor);
    case 'court_application': {
      const [e] = await m.query('SELECT view FROM executions WHERE case_id = $1', [caseId]);
      return e ? courtApplicationFromRecord(m, e.view, stepRef, actor) : null;
    }
  }
}

/**
 * Renders the latest version of a document's step again from the record and stores it as the next version
 * when the bytes differ (generate.ts `makeDocument` with a correction); null when the record gives none.
 */
export async function regenerateDocument(
  m: EntityManager,
  storageDir: string,
  latest: DocumentRef & Correction['replaces'],
  actor: Actor,
  reason: string,
): Promise<MadeDocument | null> {
  const d = await documentFromRecord(m, latest, actor);
  // The person correcting acts in the entry, whoever made the step.
  return d && makeDocument(m, storageDir, { ...d, actor }, { replaces: latest, reason });
}
