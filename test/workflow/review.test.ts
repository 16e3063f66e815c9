import { addDays, chinaDate } from '#libs/calendar/dates';
import { Actor } from '#libs/domain/roles';
import { decisionText } from '#libs/domain/decision-text';
import { keepHistory } from '../support/histories';
import { issueDecisionUpdate, recordPreDecisionNoticeServedUpdate, waiveUpdate } from '#libs/messages/decision';
import { caseStateQuery } from '#libs/messages/tasks';
import { recordCollectiveDiscussionUpdate, recordExpertReviewUpdate, reviewQuery } from '#libs/messages/review';
import { aDraft, completeOpen, staffOf } from '../support/review';
import { TimeSkipping, startDecision, startTimeSkipping } from '../support/time-skipping';

// The chain 承办人 → 审核人 → 法制审核 → 负责人 (002 第三十六条), with the gates of 行政处罚法
// 57 (集体讨论) and 58 (法制审核) computed from the case, and each profile's approval fields.
let ts: TimeSkipping;
const db = () => ts.database.db;
type Handle = Awaited<ReturnType<typeof startDecision>>['handle'];

beforeAll(async () => {
  ts = await startTimeSkipping('review-tests');
});
afterAll(async () => {
  await ts?.stop();
});

/** The party was told and waived statement, defence and hearing in writing: only the chain remains. */
async function noticeWaived(handle: Handle, officer: Actor) {
  const servedAt = await ts.now();
  await handle.executeUpdate(recordPreDecisionNoticeServedUpdate, {
    args: [{ servedAt, rights: ['statement', 'defence', 'hearing'], method: '直接送达', by: officer }],
  });
  await handle.executeUpdate(waiveUpdate, { args: [{ waivedAt: servedAt, scope: 'both', document: '书面放弃声明', by: officer }] });
}
const openKinds = async (handle: Handle) => (await handle.query(caseStateQuery)).openTasks.map((t) => t.kind);

it('a failed legal review returns the draft to the officer; findings cannot be dropped to skip it (华阴市住建局)', async () => {
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const { caseId, handle } = await startDecision(ts, 'huayin-housing', hy.officer.id);
  await completeOpen(handle, 'draft_decision', hy.officer, { decision: 'submit', draft: aDraft({ findings: ['major_public_interest'] }) });
  await completeOpen(handle, 'draft_review', hy.unitHead, { decision: 'agree', opinion: '同意' });
  let view = await handle.query(reviewQuery);
  expect(view).toMatchObject({ status: 'legal_review', legalReview: { required: true, reasons: ['涉及重大公共利益'] } });

  // 002 第十七条: the legal review records the suggestions.
  await expect(completeOpen(handle, 'legal_review', hy.legal, { decision: 'pass', opinion: '合法' })).rejects.toMatchObject({
    cause: { type: 'LEGAL_REVIEW_SUGGESTIONS_REQUIRED' },
  });
  await completeOpen(handle, 'legal_review', hy.legal, { decision: 'fail', opinion: '证据不足', suggestions: '补充现场勘验笔录' });
  const again = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'draft_decision')!;
  expect(again.assigneeId).toBe(hy.officer.id);
  expect((await handle.query(reviewQuery)).status).toBe('drafting');

  await completeOpen(handle, 'draft_decision', hy.officer, {
    decision: 'submit',
    draft: aDraft({ facts: '补充勘验后的事实', findings: [] }),
  });
  await completeOpen(handle, 'draft_review', hy.unitHead, { decision: 'agree' });
  expect(await openKinds(handle)).toEqual(['legal_review']);
  await completeOpen(handle, 'legal_review', hy.legal, { decision: 'pass', opinion: '事实清楚，证据充分', suggestions: '无' });
  await noticeWaived(handle, hy.officer);
  await completeOpen(handle, 'decision_approval', hy.chief, { decision: 'approve', opinion: '同意', signature: '华阴住建局长' });
  view = await handle.query(reviewQuery);
  expect(view).toMatchObject({
    status: 'approved',
    draft: { version: 2 },
    legalReview: { passedVersion: 2 },
    approval: { signature: '华阴住建局长' },
  });

  const chain = await db().query(
    `SELECT actor_name, summary FROM case_records WHERE case_id = $1 AND action = 'task_completed' ORDER BY seq`,
    [caseId],
  );
  expect(chain.map((r: { actor_name: string }) => r.actor_name)).toEqual([
    'hy.officer1',
    'hy.unithead',
    'hy.legal',
    'hy.officer1',
    'hy.unithead',
    'hy.legal',
    'hy.chief',
  ]);
  expect(chain[2].summary).toContain('审核不通过。意见：证据不足。建议：补充现场勘验笔录');
  expect(chain[6].summary).toContain('签名：华阴住建局长');
  // Every step, the legal review's 法制审核意见书 with it, with local writes (`local-writes`).
  await keepHistory(handle, 'decision-review-legal-failed-local-writes');
});

it('the chief cannot approve a serious penalty before the collective discussion, and signs with the date (金普新区海洋局)', async () => {
  const jp = await staffOf(db(), 'jp', 'jinpu-ocean');
  const { handle } = await startDecision(ts, 'jinpu-ocean', jp.officer.id);
  const meeting = {
    heldAt: await ts.now(),
    participants: ['局长', '副局长', '法制科长'],
    minutes: '讨论纪要',
    conclusion: '同意吊销',
    by: jp.chief,
  };
  await expect(handle.executeUpdate(recordCollectiveDiscussionUpdate, { args: [meeting] })).rejects.toMatchObject({
    cause: { type: 'DRAFT_NOT_SUBMITTED' },
  });

  await completeOpen(handle, 'draft_decision', jp.officer, {
    decision: 'submit',
    draft: aDraft({ penalties: [{ kind: 'licence_revocation' }] }),
  });
  await completeOpen(handle, 'draft_review', jp.unitHead, { decision: 'agree' });
  await noticeWaived(handle, jp.officer);
  const view = await handle.query(reviewQuery);
  expect(view.collectiveDiscussion).toMatchObject({ required: true, reasons: ['重大违法行为'], recorded: null });

  const sign = { decision: 'approve', opinion: '同意', signature: '金普海洋局长' };
  await expect(completeOpen(handle, 'decision_approval', jp.chief, sign)).rejects.toMatchObject({
    cause: { type: 'APPROVAL_SIGNED_AT_REQUIRED' },
  });
  const signedAt = await ts.now();
  await expect(completeOpen(handle, 'decision_approval', jp.chief, { ...sign, signedAt })).rejects.toMatchObject({
    cause: { type: 'COLLECTIVE_DISCUSSION_REQUIRED', message: expect.stringContaining('重大违法行为') },
  });
  await handle.executeUpdate(recordCollectiveDiscussionUpdate, { args: [meeting] });
  await completeOpen(handle, 'decision_approval', jp.chief, { ...sign, signedAt });
  expect((await handle.query(reviewQuery)).approval).toMatchObject({ signedAt, by: { id: jp.chief.id } });
});

const PL_DISCRETION = { benchmark: '平罗县退役军人事务局行政处罚裁量基准第3项', application: '初次违法，按下限' };

it('003 wants the discretion benchmark in the draft', async () => {
  const pl = await staffOf(db(), 'pl', 'pingluo-veterans');
  const { handle } = await startDecision(ts, 'pingluo-veterans', pl.officer.id);
  await expect(completeOpen(handle, 'draft_decision', pl.officer, { decision: 'submit', draft: aDraft() })).rejects.toMatchObject({
    cause: { type: 'DRAFT_DISCRETION_REQUIRED' },
  });
  await completeOpen(handle, 'draft_decision', pl.officer, { decision: 'submit', draft: aDraft({ discretion: PL_DISCRETION }) });
});

it('the person who drafted cannot approve, even after becoming a chief', async () => {
  const pl = await staffOf(db(), 'pl', 'pingluo-veterans');
  const { handle } = await startDecision(ts, 'pingluo-veterans', pl.officer.id);
  await completeOpen(handle, 'draft_decision', pl.officer, { decision: 'submit', draft: aDraft({ discretion: PL_DISCRETION }) });
  await completeOpen(handle, 'draft_review', pl.unitHead, { decision: 'agree' });
  await noticeWaived(handle, pl.officer);
  const promoted: Actor = { ...pl.officer, role: 'chief' };
  await expect(completeOpen(handle, 'decision_approval', promoted, { decision: 'approve' })).rejects.toMatchObject({
    cause: { type: 'DRAFTER_CANNOT_APPROVE' },
  });
  // A deputy signs for the chief: the delegation and its basis are part of the approval.
  await completeOpen(handle, 'decision_approval', pl.chief, {
    decision: 'approve',
    delegation: { onBehalfOf: '局长', basis: '局长外出期间授权副局长签批' },
  });
  expect((await handle.query(reviewQuery)).approval).toMatchObject({ onBehalfOf: '局长' });
});

it('000 第三条第二款 keeps expert review as a report (兴隆台区民政局)', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const { caseId, handle } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.officer.id);
  const expert = { heldAt: await ts.now(), experts: ['王教授'], content: '论证意见', by: xlt.officer };
  await expect(handle.executeUpdate(recordExpertReviewUpdate, { args: [{ ...expert, form: 'minutes' }] })).rejects.toMatchObject({
    cause: { type: 'EXPERT_REVIEW_FORM_INVALID' },
  });
  await handle.executeUpdate(recordExpertReviewUpdate, { args: [{ ...expert, form: 'report' }] });
  const actions = await db().query(`SELECT action FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
  expect(actions.map((r: { action: string }) => r.action)).toContain('expert_review_recorded');
});

it('a chief returns the draft to a named step; no penalty proposed needs no pre-decision notice (兴隆台区民政局)', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const { caseId, handle } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.officer.id);
  await completeOpen(handle, 'draft_decision', xlt.officer, { decision: 'submit', draft: aDraft({ penalties: [] }) });
  await completeOpen(handle, 'draft_review', xlt.unitHead, { decision: 'agree' });
  await completeOpen(handle, 'decision_approval', xlt.chief, {
    decision: 'return',
    opinion: '请再审核',
    returnTo: 'unit_head',
    signature: '局长',
  });
  expect(await openKinds(handle)).toEqual(['draft_review']);
  await completeOpen(handle, 'draft_review', xlt.unitHead, { decision: 'agree', opinion: '复核同意' });
  const approvedOn = chinaDate(new Date(await ts.env.currentTimeMs())); // the approval below is on this date or later
  await completeOpen(handle, 'decision_approval', xlt.chief, { decision: 'approve', opinion: '同意不予处罚', signature: '局长' });
  // Dated before the chief's approval: refused, naming the field and the step (an event cannot precede the step it depends on).
  await expect(
    handle.executeUpdate(issueDecisionUpdate, {
      args: [{ documentNumber: '兴民不罚〔2026〕1号', decidedOn: addDays(approvedOn, -1), by: xlt.officer }],
    }),
  ).rejects.toMatchObject({
    cause: {
      type: 'EVENT_BEFORE_STEP',
      details: [[{ field: 'decidedOn', code: 'EVENT_BEFORE_STEP', message: expect.stringContaining('负责人批准') }]],
    },
  });
  const today = chinaDate(new Date(await ts.env.currentTimeMs()));
  // The text is the approved draft's, word for word; another is refused on `content`.
  await expect(
    handle.executeUpdate(issueDecisionUpdate, {
      args: [{ documentNumber: '兴民不罚〔2026〕1号', decidedOn: today, content: '罚款五千元', by: xlt.officer }],
    }),
  ).rejects.toMatchObject({
    cause: {
      type: 'DECISION_TEXT_NOT_DRAFT',
      details: [[{ field: 'content', code: 'DECISION_TEXT_NOT_DRAFT', message: expect.stringContaining('第1稿处理意见') }]],
    },
  });
  expect((await handle.query(reviewQuery)).status).toBe('approved');
  const text = decisionText((await handle.query(reviewQuery)).draft!);
  await handle.executeUpdate(issueDecisionUpdate, {
    args: [{ documentNumber: '兴民不罚〔2026〕1号', decidedOn: today, content: text, by: xlt.officer }],
  });
  await handle.result();
  await keepHistory(handle, 'decision-text-from-draft');
  const [line] = await db().query(`SELECT summary FROM case_records WHERE case_id = $1 AND action = 'decision_issued'`, [caseId]);
  expect(line.summary).toContain(`：${text}`);
  const [c] = await db().query('SELECT status, stage FROM cases WHERE id = $1', [caseId]);
  expect(c).toEqual({ status: 'decided', stage: 'service' });
});
