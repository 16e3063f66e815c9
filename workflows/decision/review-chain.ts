import { describePeriod } from '#libs/calendar/period';
import { DecisionInput } from '#libs/messages/decision';
import { CaseState, CompleteTaskCommand } from '#libs/messages/tasks';
import { TaskBoard } from '../tasks/board';
import { escalateWhenOverdue } from '../tasks/overdue';
import { refuse } from '../refuse';
import { Review } from './review';

type Step = 'officer' | 'unit_head' | 'legal_reviewer' | 'chief';

/**
 * 审查决定's internal chain (002 第三十六条: 承办人 → 审核人 → 批准人): the handling officer drafts, the
 * unit head reviews, the legal reviewer signs off where 行政处罚法 58 requires it, and the chief
 * approves — refused while a gate computed from the case is open (the party's windows, legal review,
 * 集体讨论 under 57). Any return sends the draft back with the reasons; a new draft is a new version.
 * Resolves once the chief approved; the decision document is then recorded (review.ts).
 */
export async function runReviewChain(review: Review, input: DecisionInput, board: TaskBoard, state: CaseState): Promise<void> {
  const { view, rules } = review;
  const basis = (s: Parameters<typeof review.basis>[0]) => review.basis(s);
  const chainBasis = rules.internalChain && basis(rules.internalChain.source);

  const checkDraft = (cmd: CompleteTaskCommand): void => {
    if (rules.discretionBenchmark && !cmd.draft!.discretion) {
      throw refuse('DRAFT_DISCRETION_REQUIRED');
    }
  };

  const checkLegalReview = (cmd: CompleteTaskCommand): void => {
    if (rules.legalReview.recordedFields?.fields.includes('suggestions') && !cmd.suggestions) {
      throw refuse('LEGAL_REVIEW_SUGGESTIONS_REQUIRED');
    }
  };

  /** The chief's approval: the profile's fields, and every gate of the case closed. */
  const checkApproval = (cmd: CompleteTaskCommand): void => {
    const fields = rules.chiefApproval.fields;
    if (fields.includes('signature') && !cmd.signature)
      throw refuse('APPROVAL_SIGNATURE_REQUIRED', `${rules.chiefApproval.title}审批须签名`);
    if (fields.includes('signed_at') && !cmd.signedAt)
      throw refuse('APPROVAL_SIGNED_AT_REQUIRED', `${rules.chiefApproval.title}审批须注明签署日期`);
    if (cmd.decision !== 'approve') return;
    const draft = view.draft!;
    // Roles can change over time (an officer becomes a chief): the person, not the role, decides.
    if (cmd.by.id === draft.by.id) throw refuse('DRAFTER_CANNOT_APPROVE');
    if (draft.penalties.length) review.notice.check();
    const g = review.gates();
    if (g.legalReview.required && view.legalReview.passedVersion !== draft.version) {
      throw refuse('LEGAL_REVIEW_REQUIRED', `本案须经法制审核通过后方可作出决定（${g.legalReview.reasons.join('；')}）`);
    }
    if (g.collectiveDiscussion.required && view.collectiveDiscussion.recorded?.draftVersion !== draft.version) {
      throw refuse(
        'COLLECTIVE_DISCUSSION_REQUIRED',
        `本案须经负责人集体讨论决定（${g.collectiveDiscussion.reasons.join('；')}），尚无集体讨论记录`,
      );
    }
  };

  review.reviewing = true;
  let step: Step = 'officer';
  for (;;) {
    if (step === 'officer') {
      view.status = 'drafting';
      const c = await board.ask({
        kind: 'draft_decision',
        role: 'officer',
        assigneeId: input.handlingOfficerId,
        legalBasis: chainBasis,
        validate: checkDraft,
      });
      view.draft = { ...c.draft!, version: (view.draft?.version ?? 0) + 1, by: c.by, submittedAt: c.at };
      review.find(c.draft!.findings);
      step = 'unit_head';
    } else if (step === 'unit_head') {
      view.status = 'unit_review';
      const c = await board.ask({ kind: 'draft_review', role: 'unit_head', legalBasis: chainBasis });
      review.find(c.findings);
      step = c.decision === 'return' ? 'officer' : review.gates().legalReview.required ? 'legal_reviewer' : 'chief';
    } else if (step === 'legal_reviewer') {
      view.status = 'legal_review';
      const c = await board.ask({
        kind: 'legal_review',
        role: 'legal_reviewer',
        legalBasis: basis(rules.legalReview.requiredWhen.source),
        validate: checkLegalReview,
        deadline: {
          // The review starts when the unit head passes the draft on, an event of this system, not one
          // entered afterwards: its time is now (unlike the decision's date, see serve.ts).
          from: new Date(),
          period: rules.legalReview.period.period,
          onOverdue: escalateWhenOverdue(state, input.agencyId, {
            kind: 'legal_review_overdue',
            legalBasis: basis(rules.legalReview.period.source),
            summary: `法制审核未在${describePeriod(rules.legalReview.period.period)}内完成`,
            mustAct: [{ role: 'legal_reviewer' }, { role: 'chief' }],
          }),
        },
      });
      review.find(c.findings);
      if (c.decision === 'pass') view.legalReview.passedVersion = view.draft!.version;
      step = c.decision === 'pass' ? 'chief' : 'officer';
    } else {
      view.status = 'awaiting_approval';
      const c = await board.ask({
        kind: 'decision_approval',
        role: 'chief',
        legalBasis: basis(rules.chiefApproval.source),
        validate: checkApproval,
      });
      if (c.decision === 'approve') {
        view.status = 'approved';
        view.approval = {
          by: c.by,
          at: c.at,
          signature: c.signature ?? null,
          signedAt: c.signedAt ?? null,
          onBehalfOf: c.delegation?.onBehalfOf ?? null,
        };
        board.answerWaitingCallers();
        return;
      }
      step = c.decision === 'return' ? c.returnTo! : 'officer';
    }
  }
}
