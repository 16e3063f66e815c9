import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { addDays, chinaDate, chinaDayStart } from '#libs/calendar/dates';
import { WorkflowHandle } from '@temporalio/client';
import { Actor } from '#libs/domain/roles';
import { AttemptInput } from '#libs/domain/service';
import { caseStateQuery, completeTaskUpdate } from '#libs/messages/tasks';
import { AvEvidence } from '#libs/messages/investigation';
import {
  issueDecisionUpdate,
  preDecisionNoticeQuery,
  recordPreDecisionNoticeServedUpdate,
  recordStatementUpdate,
} from '#libs/messages/decision';
import { recordServiceOutcomeUpdate, serviceQuery, workflowIdForService } from '#libs/messages/service';
import { eventually } from '../support/database';
import { keepHistory } from '../support/histories';
import { aDraft, completeOpen, staffOf } from '../support/review';
import { TimeSkipping, startDecision, startService, startTimeSkipping } from '../support/time-skipping';
import { evidenceRecord } from '../support/evidence-record';

// Service tried method by method; 公告送达 only after the others failed, deemed served
// 30 days after it is issued (民事诉讼法 95); 行政处罚法 61: 7 working days when the party was absent.
let ts: TimeSkipping;
const db = () => ts.database.db;
const calendar = new LegalCalendar(BUILT_IN_SCHEDULES);
type Handle = WorkflowHandle;

beforeAll(async () => {
  ts = await startTimeSkipping('service-tests');
});
afterAll(async () => {
  await ts?.stop();
});

/** A recording of the service act as the API would describe it: evidence of the case, file due in 24 hours. */
const recording = async (caseId: string, by: Actor, title: string): Promise<AvEvidence> => ({
  record: evidenceRecord({ caseId, category: 'audiovisual', kind: 'video', title, producerId: by.id, recordedAt: await ts.now() }),
  upload: { from: await ts.now(), period: { amount: 24, unit: 'hour' }, legalBasis: '测试' },
});
async function attempt(handle: Handle, by: Actor, a: Omit<AttemptInput, 'startedAt'>) {
  const task = await eventually(async () => (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'service_attempt'));
  return handle.executeUpdate(completeTaskUpdate, {
    args: [{ taskId: task.id, by, decision: 'attempted', opinion: '送达', attempt: { ...a, startedAt: await ts.now() } }],
  });
}

it('direct fails, postal times out, public notice is deemed served on day 30; not before the others were tried', async () => {
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const { caseId, handle, profile } = await startService(ts, 'huayin-housing', hy.officer.id);
  const notice = { carrier: 'posting' as const, place: '当事人住所地及本局公告栏' };
  await expect(
    attempt(handle, hy.officer, {
      method: 'public_notice',
      publicNotice: { ...notice, audiovisual: await recording(caseId, hy.officer, '公告') },
    }),
  ).rejects.toMatchObject({
    cause: { type: 'SERVICE_PUBLIC_NOTICE_TOO_EARLY' },
  });

  await attempt(handle, hy.officer, { method: 'direct' });
  await handle.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'failed', at: await ts.now(), failureReason: '住所无人，电话无法接通', by: hy.officer }],
  });
  const postal = { carrier: '中国邮政EMS', trackingNumber: 'EMS1234567890', address: '华阴市某路1号' };
  await attempt(handle, hy.officer, { method: 'postal', postal });
  const pending = await handle.query(serviceQuery);
  expect(pending.attempts[1].dueAt).toBe(computeDue(calendar, pending.attempts[1].startedAt, profile.service.attempts.postal).due);
  expect((await handle.query(caseStateQuery)).openTasks).toEqual([]); // one attempt at a time
  await ts.env.sleep(Date.parse(pending.attempts[1].dueAt) - (await ts.env.currentTimeMs()) + 60_000);
  expect((await handle.query(serviceQuery)).attempts[1].state).toBe('timed_out');

  // The profile (002 and the others but 003): a posted notice is recorded on audio-video.
  await expect(attempt(handle, hy.officer, { method: 'public_notice', publicNotice: notice })).rejects.toMatchObject({
    cause: { type: 'SERVICE_AV_REQUIRED' },
  });
  await attempt(handle, hy.officer, {
    method: 'public_notice',
    publicNotice: { ...notice, audiovisual: await recording(caseId, hy.officer, '张贴公告录像') },
  });
  // The posting's recording is evidence of the case; service ends once its file is stored.
  const upload = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'av_upload')!;
  await handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: upload.id,
        by: hy.officer,
        decision: 'uploaded',
        opinion: '已存储',
        file: { sha256: 'a'.repeat(64), size: 10, mediaType: 'video/mp4' },
      },
    ],
  });
  const issued = (await handle.query(serviceQuery)).attempts[2];
  const posting = computeDue(calendar, issued.startedAt, { amount: 30, unit: 'day' });
  const deemed = posting.due!;
  await ts.env.sleep(Date.parse(deemed) - (await ts.env.currentTimeMs()) - 3600_000);
  expect((await handle.query(serviceQuery)).status).toBe('pending');
  const result = await handle.result();
  // "于 D 24:00 视为送达" is served on D: the periods after it count from D (民法典 201), not from D+1.
  expect(result).toEqual({ servedAt: deemed, method: 'public_notice', deemed: true, countsFrom: posting.lastDay });
  const [row] = await db().query('SELECT status, method, deemed, served_at FROM services WHERE case_id = $1', [caseId]);
  expect(row).toMatchObject({ status: 'served', method: 'public_notice', deemed: true });
  expect(row.served_at.toISOString()).toBe(deemed);
  const actions = await db().query(`SELECT action, details FROM case_records WHERE case_id = $1 ORDER BY seq`, [caseId]);
  const steps = actions.filter((r: { action: string }) => r.action !== 'document_generated');
  expect(steps.map((r: { action: string }) => r.action)).toEqual([
    'service_started',
    'service_attempted',
    'service_failed',
    'service_attempted',
    'service_failed',
    'service_attempted',
    'evidence_recorded',
    'av_file_stored',
    'document_served',
  ]);
  // Each attempt's document (送达回证 of the direct and the postal attempt, the 公告 of the public notice), made
  // after its step answered ('documents-after-step'): after the step's entry, not necessarily next to it.
  const made = actions.filter((r: { action: string }) => r.action === 'document_generated');
  expect(made.map((r: { details: { kind: string } }) => r.details.kind)).toEqual(['service_receipt', 'service_receipt', 'public_notice']);
  await keepHistory(handle, 'service-public-notice-documents-after-step');
});

it('lodged service needs the refusal, the witness and its audio-video; the date of service is the date it was left', async () => {
  const jp = await staffOf(db(), 'jp', 'jinpu-ocean');
  const { caseId, handle } = await startService(ts, 'jinpu-ocean', jp.officer.id);
  await attempt(handle, jp.officer, { method: 'lodged' });
  const at = await ts.now();
  await expect(
    handle.executeUpdate(recordServiceOutcomeUpdate, { args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: jp.officer }] }),
  ).rejects.toMatchObject({
    cause: { type: 'SERVICE_LODGED_DETAILS_MISSING' },
  });
  await expect(
    handle.executeUpdate(recordServiceOutcomeUpdate, {
      args: [{ outcome: 'served', at, lodged: { refusalReason: '拒绝签收', witness: '村委会李主任' }, by: jp.officer }],
    }),
  ).rejects.toMatchObject({ cause: { type: 'SERVICE_AV_REQUIRED' } });
  const lodged = { refusalReason: '拒绝签收', witness: '村委会李主任', audiovisual: await recording(caseId, jp.officer, '留置送达录像') };
  const view = await handle.executeUpdate(recordServiceOutcomeUpdate, { args: [{ outcome: 'served', at, lodged, by: jp.officer }] });
  expect(view).toMatchObject({ status: 'served', servedAt: at, method: 'lodged' });
  const upload = (await handle.query(caseStateQuery)).openTasks.find((t) => t.kind === 'av_upload')!;
  expect(upload.assigneeId).toBe(jp.officer.id);
  await handle.executeUpdate(completeTaskUpdate, {
    args: [
      {
        taskId: upload.id,
        by: jp.officer,
        decision: 'uploaded',
        opinion: '已存储',
        file: { sha256: 'b'.repeat(64), size: 10, mediaType: 'video/mp4' },
      },
    ],
  });
  expect(await handle.result()).toEqual({ servedAt: at, method: 'lodged', deemed: false });
});

it('escalates when a decision announced in the party’s absence is not served within 7 working days (行政处罚法 61)', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const from = await ts.now();
  const { caseId, handle } = await startService(ts, 'xinglongtai-civil-affairs', xlt.officer.id, {
    mustServeWithin: { from, period: { amount: 7, unit: 'workday' }, legalBasis: '《中华人民共和国行政处罚法》第六十一条第一款' },
  });
  const due = computeDue(calendar, from, { amount: 7, unit: 'workday' }).due!;
  await eventually(async () => ((await handle.query(serviceQuery)).mustServeBy === due ? true : undefined));
  await ts.env.sleep(Date.parse(due) - (await ts.env.currentTimeMs()) + 60_000);
  const [esc] = await eventually(async () => {
    const rows = await db().query(`SELECT kind FROM escalations WHERE case_id = $1`, [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(esc.kind).toBe('service_overdue');
  expect((await handle.query(serviceQuery)).overdue).toBe(true);
});

it('a decision announced in the party’s absence starts its service, counted from the decision’s own date (行政处罚法 61), and the decision stage ends once it is served', async () => {
  const xlt = await staffOf(db(), 'xlt', 'xinglongtai-civil-affairs');
  const { caseId, handle, profile } = await startDecision(ts, 'xinglongtai-civil-affairs', xlt.officer.id);
  await completeOpen(handle, 'draft_decision', xlt.officer, { decision: 'submit', draft: aDraft({ penalties: [] }) });
  await completeOpen(handle, 'draft_review', xlt.unitHead, { decision: 'agree' });
  // Entered two days late: the chief signed three days ago, the decision is dated two days ago.
  const ago = async (days: number) => new Date((await ts.env.currentTimeMs()) - days * 24 * 3600_000);
  await completeOpen(handle, 'decision_approval', xlt.chief, {
    decision: 'approve',
    signature: '局长',
    signedAt: (await ago(3)).toISOString(),
  });
  const decidedOn = chinaDate(await ago(2));
  await handle.executeUpdate(issueDecisionUpdate, {
    args: [{ documentNumber: '兴民不罚〔2026〕2号', decidedOn, recipient: '王五', by: xlt.officer }],
  });
  const [row] = await eventually(async () => {
    const rows = await db().query('SELECT id, must_serve_by FROM services WHERE case_id = $1', [caseId]);
    return rows.length ? rows : undefined;
  });
  expect(row.must_serve_by.toISOString()).toBe(computeDue(calendar, chinaDayStart(decidedOn), profile.service!.absentParty.period).due);
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, row.id));
  // No attempt to serve a document before its date.
  const task = await eventually(async () => (await service.query(caseStateQuery)).openTasks.find((t) => t.kind === 'service_attempt'));
  const early = { method: 'direct' as const, startedAt: chinaDayStart(addDays(decidedOn, -1)).toISOString() };
  await expect(
    service.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.id, by: xlt.officer, decision: 'attempted', opinion: '送达', attempt: early }],
    }),
  ).rejects.toMatchObject({
    cause: {
      type: 'EVENT_BEFORE_STEP',
      details: [[{ field: 'startedAt', code: 'EVENT_BEFORE_STEP', message: expect.stringContaining(`决定日期（${decidedOn}）`) }]],
    },
  });
  await attempt(service, xlt.officer, { method: 'direct' });
  const at = await ts.now();
  await service.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: xlt.officer }],
  });
  await handle.result();
  expect(await service.result()).toEqual({ servedAt: at, method: 'direct', deemed: false });
  // The stage went on when told the document was served (patch 'served-before-files').
  await keepHistory(handle, 'decision-served-before-files');
  await keepHistory(service, 'service-tells-served');
});

it('a pre-decision notice issued without a service date is served through the service workflow; its windows start then', async () => {
  const hy = await staffOf(db(), 'hy', 'huayin-housing');
  const { caseId, handle } = await startDecision(ts, 'huayin-housing', hy.officer.id);
  const issued = await handle.executeUpdate(recordPreDecisionNoticeServedUpdate, {
    args: [
      { serve: { recipient: '王五', documentNumber: '华住建告〔2026〕3号' }, rights: ['statement', 'defence', 'hearing'], by: hy.officer },
    ],
  });
  expect(issued).toMatchObject({ servedAt: null, statementDueAt: null });
  await expect(
    handle.executeUpdate(recordStatementUpdate, { args: [{ receivedAt: await ts.now(), content: '申辩', by: hy.officer }] }),
  ).rejects.toMatchObject({
    cause: { type: 'NOTICE_NOT_SERVED' },
  });
  const service = ts.env.client.workflow.getHandle(workflowIdForService(caseId, issued.serviceId!));
  await attempt(service, hy.officer, { method: 'direct' });
  const at = await ts.now();
  await service.executeUpdate(recordServiceOutcomeUpdate, {
    args: [{ outcome: 'served', at, receipt: { signedBy: '王五' }, by: hy.officer }],
  });
  const notice = await eventually(async () => {
    const n = await handle.query(preDecisionNoticeQuery);
    return n.servedAt ? n : undefined;
  });
  expect(notice).toMatchObject({ servedAt: at, statementDueAt: computeDue(calendar, at, { amount: 3, unit: 'workday' }).due });
});
