import { patched } from '@temporalio/workflow';
import { activities } from '../activities';
import { ReviewFinding, reviewGates } from '#libs/domain/review';
import { decisionText } from '#libs/domain/decision-text';
import { NUMBER_SLOT } from '#libs/domain/numbering';
import { DecisionInput, IssuedDecision, PreDecisionNoticeView, issueDecisionUpdate } from '#libs/messages/decision';
import { ReviewView, recordCollectiveDiscussionUpdate, recordExpertReviewUpdate } from '#libs/messages/review';
import { cite } from '#libs/profiles/cite';
import { chinaTime } from '../tasks/deadline-text';
import { PreDecisionNotice } from './pre-decision-notice';
import { notBefore } from '../tasks/event-time';
import { latestStep } from '#libs/domain/event-time';
import { UpdateArg } from '../tasks/update-arg';
import { refuse } from '../refuse';
import { REFUSALS } from '#libs/domain/refusals';

const { noteRecord, concludeDecision } = activities;
const EXPERT_FORMS = { report: ['report'], written_record: ['written_record'], minutes_or_expert_opinion: ['minutes', 'expert_opinion'] };

/**
 * 审查决定's review (002 第三十六条: 承办人 → 审核人 → 批准人): the draft and what the chain found, the
 * gates computed from the case (legal review under 行政处罚法 58, 集体讨论 under 57), the expert
 * reviews and collective discussions recorded, and the decision document (文号, date, text) once the
 * chief approved. The chain's steps are review-chain.ts.
 */
export class Review {
  readonly rules: DecisionInput['profile']['decision'];
  readonly view: ReviewView = {
    status: 'drafting',
    draft: null,
    findings: [],
    legalReview: { required: false, reasons: [], passedVersion: null },
    collectiveDiscussion: { required: false, reasons: [], recorded: null },
    expertReviews: [],
    approval: null,
  };
  /** The chain runs (cases filed before it existed have none: the chief decides directly). */
  reviewing = false;
  private issuedDecision: IssuedDecision | null = null;
  /** A decision being recorded: another is refused meanwhile, as once it is issued. */
  private issuing = false;

  constructor(
    private readonly input: DecisionInput,
    readonly notice: PreDecisionNotice,
  ) {
    this.rules = input.profile.decision;
  }

  basis(s: Parameters<typeof cite>[1]): string {
    return cite(this.input.profile.regulationTitle, s);
  }

  /** The gates as the case stands now: findings only grow, a hearing held counts by itself. */
  gates() {
    const { view } = this;
    const g = reviewGates(this.rules, {
      penalties: view.draft?.penalties ?? [],
      findings: view.findings,
      hearingHeld: this.notice.hearingHeld(),
    });
    Object.assign(view.legalReview, g.legalReview);
    Object.assign(view.collectiveDiscussion, g.collectiveDiscussion);
    return g;
  }

  snapshot(): ReviewView {
    this.gates();
    return JSON.parse(JSON.stringify(this.view));
  }

  find(found: ReviewFinding[] = []): void {
    this.view.findings.push(...found.filter((f) => !this.view.findings.includes(f)));
  }

  /** Refuses a change once the decision is approved or issued. */
  private pending(): void {
    if (this.notice.decided()) throw refuse('DECISION_ALREADY_ISSUED');
    if (this.view.status === 'approved') throw refuse('DECISION_ALREADY_APPROVED');
  }

  validateExpertReview({ form }: UpdateArg<typeof recordExpertReviewUpdate>): void {
    this.pending();
    if (!this.rules.expertReview) throw refuse('EXPERT_REVIEW_NOT_PROVIDED');
    const allowed: readonly string[] = EXPERT_FORMS[this.rules.expertReview.record];
    if (!allowed.includes(form)) throw refuse('EXPERT_REVIEW_FORM_INVALID');
  }

  async recordExpertReview(r: UpdateArg<typeof recordExpertReviewUpdate>): Promise<ReviewView> {
    this.view.expertReviews.push(r);
    await noteRecord({
      caseId: this.input.caseId,
      at: new Date().toISOString(),
      entry: {
        key: `expert-review:${r.heldAt}`,
        actor: r.by,
        action: 'expert_review_recorded',
        summary: `专家论证（${chinaTime(r.heldAt)}，专家：${r.experts.join('、')}）：${r.content}`,
        legalBasis: this.basis(this.rules.expertReview!.source),
      },
    });
    return this.snapshot();
  }

  validateCollectiveDiscussion(_request: unknown): void {
    const { view } = this;
    this.pending();
    if (!view.draft || view.status === 'drafting') throw refuse('DRAFT_NOT_SUBMITTED');
    if (view.collectiveDiscussion.recorded?.draftVersion === view.draft.version) {
      throw refuse('COLLECTIVE_DISCUSSION_ALREADY_RECORDED');
    }
  }

  async recordCollectiveDiscussion(d: UpdateArg<typeof recordCollectiveDiscussionUpdate>): Promise<ReviewView> {
    const { view } = this;
    view.collectiveDiscussion.recorded = { ...d, draftVersion: view.draft!.version };
    await noteRecord({
      caseId: this.input.caseId,
      at: new Date().toISOString(),
      entry: {
        key: `collective-discussion:${view.draft!.version}`,
        actor: d.by,
        action: 'collective_discussion_recorded',
        summary: `集体讨论第${view.draft!.version}稿处理意见（${chinaTime(d.heldAt)}，参加人员：${d.participants.join('、')}）。纪要：${d.minutes}。结论：${d.conclusion}`,
        legalBasis: this.basis(this.rules.collectiveDiscussion.record.source),
        // What the 集体讨论记录 is generated from (documents/collective-discussion-record.ts). Only the
        // activity's input grows: no command changes, so histories recorded before replay as they were.
        details: {
          draftVersion: view.draft!.version,
          heldAt: d.heldAt,
          chair: d.chair ?? null,
          participants: d.participants,
          minutes: d.minutes,
          conclusion: d.conclusion,
        },
      },
    });
    return this.snapshot();
  }

  validateIssue({ by, decidedOn, content }: UpdateArg<typeof issueDecisionUpdate>): void {
    const { view, notice } = this;
    if (notice.decided() || this.issuing) throw refuse('DECISION_ALREADY_ISSUED');
    if (this.reviewing) {
      if (view.status !== 'approved') throw refuse('DECISION_NOT_APPROVED');
      if (by.role !== 'officer' && by.role !== 'chief') throw refuse('DECISION_ROLE_FORBIDDEN');
    } else {
      // Cases filed before the chain existed: the chief decides once the party's windows close.
      notice.check();
      if (by.role !== 'chief') throw refuse('DECISION_CHIEF_ONLY');
    }
    this.checkText(content);
    // Dated on or after the chief's approval (the date signed, when given) and the notice's service (行政处罚法 62).
    const approval = view.approval && { label: '负责人批准', at: view.approval.signedAt ?? view.approval.at };
    const served = notice.snapshot().servedAt;
    notBefore('decidedOn', '决定日期', decidedOn, latestStep(approval, served ? { label: '行政处罚事先告知书送达', at: served } : null));
  }

  async issue(request: UpdateArg<typeof issueDecisionUpdate>): Promise<PreDecisionNoticeView> {
    const { view, notice } = this;
    // The text is the approved draft's (the validator refused any other); histories before this carried it.
    const content = patched('decision-text-from-draft') && view.draft ? decisionText(view.draft) : request.content!;
    const { assign, documentNumber: typed, ...rest } = request;
    const { decidedOn, by } = request;
    // The 文号 is unique per agency (cases_decision_number_key): a number taken by a racing request makes
    // the activity fail (INTEGRITY_VIOLATION), and the decision must then not count as issued.
    const afterRecorded = patched('decision-issued-once-recorded');
    if (!afterRecorded) {
      // Histories from before this step typed their 文号.
      this.issuedDecision = { ...rest, content, documentNumber: typed! };
      notice.markDecided();
    }
    this.issuing = true;
    let documentNumber = typed;
    try {
      // An assigned 文号 is given in the activity's transaction, which writes it into the entry (NUMBER_SLOT).
      const recorded = await concludeDecision({
        caseId: this.input.caseId,
        at: new Date().toISOString(),
        assign,
        numberedOn: decidedOn,
        entry: {
          key: 'decision-issued',
          actor: by,
          action: 'decision_issued',
          summary: `${by.name}录入处理决定书（${typed ?? NUMBER_SLOT}，${decidedOn}）：${content}`,
          legalBasis: this.basis(this.rules.deadline.source),
          details: { documentNumber: typed, decidedOn, draftVersion: view.draft?.version, approvedBy: view.approval?.by.id },
        },
      });
      // Results recorded before numbering are empty: the typed 文号 stands.
      documentNumber = recorded?.documentNumber ?? typed;
    } finally {
      this.issuing = false;
    }
    if (afterRecorded) {
      this.issuedDecision = { ...rest, content, documentNumber: documentNumber! };
      notice.markDecided();
    }
    return notice.snapshot();
  }

  /**
   * The document's text is the approved draft's, word for word: what the unit head, the legal
   * reviewer and the chief approved is what the party receives. Without a draft (cases decided
   * before the chain) the chief's text is the decision and must be given.
   */
  private checkText(content: string | undefined): void {
    const { draft } = this.view;
    const fail = (code: 'DECISION_TEXT_NOT_DRAFT' | 'DECISION_TEXT_REQUIRED', message: string = REFUSALS[code]) => {
      throw refuse(code, message, [{ field: 'content', code, message }]);
    };
    if (!draft) {
      if (content === undefined) fail('DECISION_TEXT_REQUIRED');
      return;
    }
    if (content !== undefined && content !== decisionText(draft)) {
      fail('DECISION_TEXT_NOT_DRAFT', `决定内容须与经负责人批准的第${draft.version}稿处理意见一致（可不填写，由系统依处理意见生成）`);
    }
  }

  issued(): IssuedDecision | null {
    return this.issuedDecision;
  }

  /** The fine of the approved draft in fen, or null when it imposes none. */
  fineFen(): number | null {
    const fine = this.view.draft?.penalties.find((p) => p.kind === 'fine');
    return fine?.amountYuan ? fine.amountYuan * 100 : null;
  }
}
