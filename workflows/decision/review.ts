import { patched, setHandler } from '@temporalio/workflow';
import { activities } from '../activities';
import { ReviewFinding, reviewGates } from '#libs/domain/review';
import { decisionText } from '#libs/domain/decision-text';
import { DecisionInput, IssuedDecision, issueDecisionUpdate } from '#libs/messages/decision';
import { ReviewView, recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { cite } from '#libs/profiles/cite';
import { describePeriod } from '#libs/calendar/period';
import { CaseState, CompleteTaskCommand } from '#libs/messages/initiation';
import { TaskBoard } from '../tasks/board';
import { escalateWhenOverdue } from '../tasks/overdue';
import { chinaTime } from '../tasks/deadline-text';
import { Notice } from './notice';
import { notBefore } from '../tasks/event-time';
import { latestStep } from '#libs/domain/event-time';
import { refuse } from '../refuse';
import { REFUSALS } from '#libs/domain/refusals';

const { noteRecord, concludeDecision } = activities;
const EXPERT_FORMS = { report: ['report'], written_record: ['written_record'], minutes_or_expert_opinion: ['minutes', 'expert_opinion'] };

type Step = 'officer' | 'unit_head' | 'legal_reviewer' | 'chief';

/**
 * 审查决定's internal chain (002 第三十六条: 承办人 → 审核人 → 批准人): the handling officer drafts, the
 * unit head reviews, the legal reviewer signs off where 行政处罚法 58 requires it, and the chief
 * approves — refused while a gate computed from the case is open (the party's windows, legal review,
 * 集体讨论 under 57). Any return sends the draft back with the reasons; a new draft is a new version.
 * Then the decision document (文号, date, content) is recorded and the case moves on to service.
 */
export function handleReview(input: DecisionInput, board: TaskBoard, notice: Notice, state: CaseState) {
  const rules = input.profile.decision;
  const basis = (s: Parameters<typeof cite>[1]) => cite(input.profile.regulationTitle, s);
  const chainBasis = rules.internalChain && basis(rules.internalChain.source);
  let reviewing = false;
  let issued: IssuedDecision | null = null;
  /** A decision being recorded: another is refused meanwhile, as once it is issued. */
  let issuing = false;
  const view: ReviewView = {
    status: 'drafting',
    draft: null,
    findings: [],
    legalReview: { required: false, reasons: [], passedVersion: null },
    collectiveDiscussion: { required: false, reasons: [], recorded: null },
    expertReviews: [],
    approval: null,
  };

  /** The gates as the case stands now: findings only grow, a hearing held counts by itself. */
  const gates = () => {
    const g = reviewGates(rules, { penalties: view.draft?.penalties ?? [], findings: view.findings, hearingHeld: notice.hearingHeld() });
    Object.assign(view.legalReview, g.legalReview);
    Object.assign(view.collectiveDiscussion, g.collectiveDiscussion);
    return g;
  };
  const snapshot = (): ReviewView => {
    gates();
    return JSON.parse(JSON.stringify(view));
  };
  const find = (found: ReviewFinding[] = []) => view.findings.push(...found.filter((f) => !view.findings.includes(f)));
  const pending = () => {
    if (notice.decided()) throw refuse('DECISION_ALREADY_ISSUED');
    if (view.status === 'approved') throw refuse('DECISION_ALREADY_APPROVED');
  };

  setHandler(reviewQuery, snapshot);

  setHandler(
    recordExpertReviewUpdate,
    async (r) => {
      view.expertReviews.push(r);
      await noteRecord({
        caseId: input.caseId,
        at: new Date().toISOString(),
        entry: {
          key: `expert-review:${r.heldAt}`,
          actor: r.by,
          action: 'expert_review_recorded',
          summary: `专家论证（${chinaTime(r.heldAt)}，专家：${r.experts.join('、')}）：${r.content}`,
          legalBasis: basis(rules.expertReview!.source),
        },
      });
      return snapshot();
    },
    {
      validator: ({ form }) => {
        pending();
        if (!rules.expertReview) throw refuse('EXPERT_REVIEW_NOT_PROVIDED');
        const allowed: readonly string[] = EXPERT_FORMS[rules.expertReview.record];
        if (!allowed.includes(form)) throw refuse('EXPERT_REVIEW_FORM_INVALID');
      },
    },
  );

  setHandler(
    recordCollectiveDiscussionUpdate,
    async (d) => {
      view.collectiveDiscussion.recorded = { ...d, draftVersion: view.draft!.version };
      await noteRecord({
        caseId: input.caseId,
        at: new Date().toISOString(),
        entry: {
          key: `collective-discussion:${view.draft!.version}`,
          actor: d.by,
          action: 'collective_discussion_recorded',
          summary: `集体讨论第${view.draft!.version}稿处理意见（${chinaTime(d.heldAt)}，参加人员：${d.participants.join('、')}）。纪要：${d.minutes}。结论：${d.conclusion}`,
          legalBasis: basis(rules.collectiveDiscussion.record.source),
          details: { draftVersion: view.draft!.version, participants: d.participants },
        },
      });
      return snapshot();
    },
    {
      validator: (_request: unknown) => {
        pending();
        if (!view.draft || view.status === 'drafting') throw refuse('DRAFT_NOT_SUBMITTED');
        if (view.collectiveDiscussion.recorded?.draftVersion === view.draft.version) {
          throw refuse('COLLECTIVE_DISCUSSION_ALREADY_RECORDED');
        }
      },
    },
  );

  setHandler(
    issueDecisionUpdate,
    async (request) => {
      // The text is the approved draft's (the validator refused any other); histories before this carried it.
      const content = patched('decision-text-from-draft') && view.draft ? decisionText(view.draft) : request.content!;
      const decision: IssuedDecision = { ...request, content };
      const { documentNumber, decidedOn, by } = decision;
      // The 文号 is unique per agency (cases_decision_number_key): a number taken by a racing request makes
      // the activity fail (INTEGRITY_VIOLATION), and the decision must then not count as issued.
      const afterRecorded = patched('decision-issued-once-recorded');
      if (!afterRecorded) {
        issued = decision;
        notice.markDecided();
      }
      issuing = true;
      try {
        await concludeDecision({
          caseId: input.caseId,
          at: new Date().toISOString(),
          entry: {
            key: 'decision-issued',
            actor: by,
            action: 'decision_issued',
            summary: `${by.name}录入处理决定书（${documentNumber}，${decidedOn}）：${content}`,
            legalBasis: basis(rules.deadline.source),
            details: { documentNumber, decidedOn, draftVersion: view.draft?.version, approvedBy: view.approval?.by.id },
          },
        });
      } finally {
        issuing = false;
      }
      if (afterRecorded) {
        issued = decision;
        notice.markDecided();
      }
      return notice.view();
    },
    {
      validator: ({ by, decidedOn, content }) => {
        if (notice.decided() || issuing) throw refuse('DECISION_ALREADY_ISSUED');
        if (reviewing) {
          if (view.status !== 'approved') throw refuse('DECISION_NOT_APPROVED');
          if (by.role !== 'officer' && by.role !== 'chief') throw refuse('DECISION_ROLE_FORBIDDEN');
        } else {
          // Cases filed before the chain existed: the chief decides once the party's windows close.
          notice.check();
          if (by.role !== 'chief') throw refuse('DECISION_CHIEF_ONLY');
        }
        checkText(content);
        // Dated on or after the chief's approval (the date signed, when given) and the notice's service (行政处罚法 62).
        const approval = view.approval && { label: '负责人批准', at: view.approval.signedAt ?? view.approval.at };
        const served = notice.view().servedAt;
        notBefore('decidedOn', '决定日期', decidedOn, latestStep(approval, served ? { label: '行政处罚事先告知书送达', at: served } : null));
      },
    },
  );

  /**
   * The document's text is the approved draft's, word for word: what the unit head, the
   * legal reviewer and the chief approved is what the party receives. Without a draft (cases decided
   * before the chain) the chief's text is the decision and must be given.
   */
  function checkText(content: string | undefined): void {
    const fail = (code: 'DECISION_TEXT_NOT_DRAFT' | 'DECISION_TEXT_REQUIRED', message: string = REFUSALS[code]) => {
      throw refuse(code, message, [{ field: 'content', code, message }]);
    };
    if (!view.draft) {
      if (content === undefined) fail('DECISION_TEXT_REQUIRED');
      return;
    }
    if (content !== undefined && content !== decisionText(view.draft)) {
      fail('DECISION_TEXT_NOT_DRAFT', `决定内容须与经负责人批准的第${view.draft.version}稿处理意见一致（可不填写，由系统依处理意见生成）`);
    }
  }

  function checkDraft(cmd: CompleteTaskCommand): void {
    if (rules.discretionBenchmark && !cmd.draft!.discretion) {
      throw refuse('DRAFT_DISCRETION_REQUIRED');
    }
  }

  function checkLegalReview(cmd: CompleteTaskCommand): void {
    if (rules.legalReview.recordedFields?.fields.includes('suggestions') && !cmd.suggestions) {
      throw refuse('LEGAL_REVIEW_SUGGESTIONS_REQUIRED');
    }
  }

  /** The chief's approval: the profile's fields, and every gate of the case closed. */
  function checkApproval(cmd: CompleteTaskCommand): void {
    const fields = rules.chiefApproval.fields;
    if (fields.includes('signature') && !cmd.signature) throw refuse('APPROVAL_SIGNATURE_REQUIRED', `${rules.chiefApproval.title}审批须签名`);
    if (fields.includes('signed_at') && !cmd.signedAt) throw refuse('APPROVAL_SIGNED_AT_REQUIRED', `${rules.chiefApproval.title}审批须注明签署日期`);
    if (cmd.decision !== 'approve') return;
    const draft = view.draft!;
    // Roles can change over time (an officer becomes a chief): the person, not the role, decides.
    if (cmd.by.id === draft.by.id) throw refuse('DRAFTER_CANNOT_APPROVE');
    if (draft.penalties.length) notice.check();
    const g = gates();
    if (g.legalReview.required && view.legalReview.passedVersion !== draft.version) {
      throw refuse('LEGAL_REVIEW_REQUIRED', `本案须经法制审核通过后方可作出决定（${g.legalReview.reasons.join('；')}）`);
    }
    if (g.collectiveDiscussion.required && view.collectiveDiscussion.recorded?.draftVersion !== draft.version) {
      throw refuse('COLLECTIVE_DISCUSSION_REQUIRED', `本案须经负责人集体讨论决定（${g.collectiveDiscussion.reasons.join('；')}），尚无集体讨论记录`);
    }
  }

  /** The chain, from the first draft to the chief's approval; returns go back to the named step. */
  async function run(): Promise<void> {
    reviewing = true;
    let step: Step = 'officer';
    for (;;) {
      if (step === 'officer') {
        view.status = 'drafting';
        const c = await board.ask({ kind: 'draft_decision', role: 'officer', assigneeId: input.handlingOfficerId, legalBasis: chainBasis, validate: checkDraft });
        view.draft = { ...c.draft!, version: (view.draft?.version ?? 0) + 1, by: c.by, submittedAt: c.at };
        find(c.draft!.findings);
        step = 'unit_head';
      } else if (step === 'unit_head') {
        view.status = 'unit_review';
        const c = await board.ask({ kind: 'draft_review', role: 'unit_head', legalBasis: chainBasis });
        find(c.findings);
        step = c.decision === 'return' ? 'officer' : gates().legalReview.required ? 'legal_reviewer' : 'chief';
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
        find(c.findings);
        if (c.decision === 'pass') view.legalReview.passedVersion = view.draft!.version;
        step = c.decision === 'pass' ? 'chief' : 'officer';
      } else {
        view.status = 'awaiting_approval';
        const c = await board.ask({ kind: 'decision_approval', role: 'chief', legalBasis: basis(rules.chiefApproval.source), validate: checkApproval });
        if (c.decision === 'approve') {
          view.status = 'approved';
          view.approval = { by: c.by, at: c.at, signature: c.signature ?? null, signedAt: c.signedAt ?? null, onBehalfOf: c.delegation?.onBehalfOf ?? null };
          board.idle();
          return;
        }
        step = c.decision === 'return' ? c.returnTo! : 'officer';
      }
    }
  }

  return {
    run,
    issued: () => issued,
    /** The fine of the approved draft in fen, or null when it imposes none. */
    fineFen: (): number | null => {
      const fine = view.draft?.penalties.find((p) => p.kind === 'fine');
      return fine?.amountYuan ? fine.amountYuan * 100 : null;
    },
  };
}
