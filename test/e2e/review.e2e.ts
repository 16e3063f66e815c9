import { Client, Connection } from '@temporalio/client';
import { dataConverter } from '#libs/temporal/data-converter';
import { workflowIdForInvestigation } from '#libs/messages/investigation';
import { eventually } from '../support/database';
import { decidedCase } from '../support/decided-case';
import { TestSystem } from '../support/system';
import { chinaDate } from '#libs/calendar/dates';

// A full general-procedure case from filing to an approved decision
// through the API, by five people in their roles; the legal review's rejection returns the case;
// the chief approving without a required collective discussion gets a clear error.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const draft = (evidenceIds: string[], o: Record<string, unknown> = {}) => ({
  facts: '未取得施工许可证擅自施工，经责令停止施工后继续施工',
  evidenceIds,
  legalBasis: '《建设工程质量管理条例》第五十七条',
  penalties: [
    { kind: 'fine', amountYuan: 20000 },
    { kind: 'licence_revocation', description: '吊销安全生产许可证' },
  ],
  opinion: '违法事实清楚，建议罚款二万元并吊销许可证',
  factors: '拒不改正，情节严重',
  findings: ['major_public_interest'],
  ...o,
});

describe('a general-procedure case, 华阴市住建局', () => {
  let caseId: string;
  let evidenceId: string;

  beforeAll(async () => {
    caseId = await sys.filedCase('hy');
    // The handling officer's first record names officer2 among the officers present: from then on
    // officer2 investigates the case too and may add its evidence (the permission matrix).
    await sys.evidenceRecord(caseId, 'hy');
    evidenceId = await sys.evidenceRecord(caseId, 'hy', 'hy.officer2');
  });

  it('takes the draft only from the handling officer, through its own endpoint, resting on this case’s evidence', async () => {
    // Evidence of another case of the same agency, and an id that names nothing: each refused by its position.
    const otherCase = await sys.evidenceRecord(await sys.filedCase('hy'), 'hy');
    const stranger = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
      token: await token('hy.officer1'),
      body: draft([evidenceId, '00000000-0000-4000-8000-000000000000', otherCase]),
    });
    expect(stranger).toMatchObject({ status: 400, body: { code: 'RECORD_INVALID' } });
    expect(stranger.body.errors).toEqual([
      expect.objectContaining({ field: 'evidenceIds[1]', code: 'EVIDENCE_NOT_IN_CASE' }),
      expect.objectContaining({ field: 'evidenceIds[2]', code: 'EVIDENCE_NOT_IN_CASE' }),
    ]);
    const bad = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
      token: await token('hy.officer1'),
      body: draft([evidenceId], { penalties: [{ kind: 'fine' }], factors: '' }),
    });
    expect(bad.body.errors.map((e: any) => `${e.field}:${e.code}`).sort()).toEqual([
      'factors:REQUIRED',
      'penalties[0].amountYuan:REQUIRED',
    ]);
    const byLegal = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
      token: await token('hy.legal'),
      body: draft([evidenceId]),
    });
    expect(byLegal).toMatchObject({ status: 403, body: { code: 'AUTH_ROLE_FORBIDDEN' } });
    const plain = await sys.completeTask(caseId, 'hy.officer1', { decision: 'submit', opinion: '见处理意见' });
    expect(plain).toMatchObject({ status: 400, body: { code: 'TASK_NEEDS_DRAFT' } });
  });

  it('runs from the draft to the approved decision, with a failed legal review on the way', async () => {
    const first = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
      token: await token('hy.officer1'),
      body: draft([evidenceId]),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'unit_review', draft: { version: 1 } });
    expect((await sys.completeTask(caseId, 'hy.unithead', { decision: 'agree', opinion: '同意承办人意见' })).status).toBe(200);

    const review = await sys.call('GET', `/api/v1/cases/${caseId}/review`, { token: await token('hy.legal') });
    expect(review.body).toMatchObject({
      status: 'legal_review',
      legalReview: { required: true, reasons: ['涉及重大公共利益'] },
      collectiveDiscussion: { required: true, reasons: ['重大违法行为'] },
    });
    const failed = await sys.completeTask(caseId, 'hy.legal', {
      decision: 'fail',
      opinion: '吊销许可证的依据不足',
      suggestions: '补充许可证载明事项的证据',
    });
    expect(failed.status).toBe(200);
    const back = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token('hy.officer1') });
    expect(back.body.items.map((t: any) => t.kind)).toEqual(['draft_decision']);

    const second = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
      token: await token('hy.officer1'),
      body: draft([evidenceId], { legalBasis: '《建设工程质量管理条例》第五十七条；《安全生产许可证条例》第十九条' }),
    });
    expect(second.body.draft.version).toBe(2);
    await sys.completeTask(caseId, 'hy.unithead', { decision: 'agree', opinion: '补正后同意' });
    await sys.completeTask(caseId, 'hy.legal', { decision: 'pass', opinion: '事实清楚，依据充分', suggestions: '无' });

    const officer = await token('hy.officer1');
    const now = new Date().toISOString();
    await sys.call('POST', `/api/v1/cases/${caseId}/pre-decision-notice`, {
      token: officer,
      body: { servedAt: now, rights: ['statement', 'defence', 'hearing'], method: '直接送达' },
    });
    await sys.call('POST', `/api/v1/cases/${caseId}/waivers`, {
      token: officer,
      body: { waivedAt: now, scope: 'both', document: '放弃陈述、申辩和听证。李四' },
    });

    const approval = { decision: 'approve', opinion: '同意', signature: '赵局长' };
    const premature = await sys.completeTask(caseId, 'hy.chief', approval);
    expect(premature).toMatchObject({ status: 409, body: { code: 'COLLECTIVE_DISCUSSION_REQUIRED' } });
    expect(premature.body.message).toBe('本案须经负责人集体讨论决定（重大违法行为），尚无集体讨论记录');

    const meeting = await sys.call('POST', `/api/v1/cases/${caseId}/collective-discussions`, {
      token: await token('hy.legal'),
      body: {
        heldAt: new Date().toISOString(),
        participants: ['赵局长', '钱副局长', '孙副局长'],
        minutes: '会议纪要……',
        conclusion: '同意罚款并吊销许可证',
      },
    });
    expect(meeting.body.collectiveDiscussion.recorded).toMatchObject({ draftVersion: 2 });
    expect((await sys.completeTask(caseId, 'hy.chief', approval)).status).toBe(200);

    const issued = await sys.call('POST', `/api/v1/cases/${caseId}/decision`, {
      token: await token('hy.chief'),
      body: { decidedOn: chinaDate(new Date()), partyPresent: false },
    });
    expect(issued.status).toBe(200);
    // The decision closes the investigation: its workflow ends, nothing more can be added.
    const connection = await Connection.connect({ address: process.env.LAWTRAIL_TEST_TEMPORAL });
    const investigation = new Client({ connection, dataConverter }).workflow.getHandle(workflowIdForInvestigation(caseId));
    await eventually(async () => ((await investigation.describe()).status.name === 'COMPLETED' ? true : undefined));
    await connection.close();

    // The record names each person's step in order: opinion, signature and time.
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('hy.chief') });
    const chain = record.body.items.filter((e: any) =>
      ['task_completed', 'collective_discussion_recorded', 'decision_issued'].includes(e.action),
    );
    expect(chain.map((e: any) => e.actor.role).slice(-9)).toEqual([
      'officer',
      'unit_head',
      'legal_reviewer',
      'officer',
      'unit_head',
      'legal_reviewer',
      'legal_reviewer',
      'chief',
      'chief',
    ]);
    // officer1 drafted, officer2 took the evidence, the unit head, the legal reviewer and the chief: five people.
    const people = new Set(record.body.items.filter((e: any) => e.actor && e.action !== 'case_registered').map((e: any) => e.actor.id));
    expect(people.size).toBe(5);
    const approvalLine = chain[chain.length - 2];
    expect(approvalLine.summary).toContain('「负责人审批处理决定」：批准。意见：同意。签名：赵局长');
    expect(approvalLine.at).toBeTruthy();
  });
});

describe('serving the decision when the party was absent (行政处罚法 61; 002 第二十四条)', () => {
  it('a lodged service with its witness and audio-video serves the decision; the recording’s file is then due', async () => {
    const officer = await token('hy.officer1');
    // A decision of its own, the party absent: the service starts right after the decision is recorded.
    const caseId = await decidedCase(sys, 'hy', { rights: ['statement', 'defence', 'hearing'] });
    const [pending] = await eventually(async () => {
      const services = (await sys.call('GET', `/api/v1/cases/${caseId}/services`, { token: officer })).body.items;
      return services?.length ? services : undefined;
    });
    // The document served carries the 文号 assigned when the decision was recorded.
    const { decisionNumber } = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
    expect(decisionNumber).toMatch(/^HY罚决〔\d{4}〕\d+号$/);
    expect(pending).toMatchObject({ status: 'pending', recipient: '王五', document: { kind: 'decision', number: decisionNumber } });
    expect(pending.mustServeBy).toBeTruthy();
    const base = `/api/v1/cases/${caseId}/services/${pending.id}`;

    const early = await sys.call('POST', `${base}/attempts`, {
      token: officer,
      body: { method: 'public_notice', startedAt: new Date().toISOString(), publicNotice: { carrier: 'newspaper', place: '华商报' } },
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'SERVICE_PUBLIC_NOTICE_TOO_EARLY' } });
    const lodging = await sys.call('POST', `${base}/attempts`, {
      token: officer,
      body: { method: 'lodged', startedAt: new Date().toISOString() },
    });
    expect(lodging.status).toBe(200);
    const noAv = await sys.call('POST', `${base}/outcome`, {
      token: officer,
      body: { outcome: 'served', at: new Date().toISOString(), lodged: { refusalReason: '当事人拒绝签收', witness: '社区工作人员刘某' } },
    });
    expect(noAv).toMatchObject({ status: 400, body: { code: 'SERVICE_AV_REQUIRED' } });

    const audiovisual = {
      title: '留置送达录像',
      method: 'video',
      recordedAt: new Date().toISOString(),
      metadata: { production_method: '执法记录仪', produced_at: '送达现场', producer: '李执法', fact_proven: '留置送达过程' },
    };
    const at = new Date().toISOString();
    const served = await sys.call('POST', `${base}/outcome`, {
      token: officer,
      body: { outcome: 'served', at, lodged: { refusalReason: '当事人拒绝签收', witness: '社区工作人员刘某', audiovisual } },
    });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ status: 'served', method: 'lodged', servedAt: at });

    const upload = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=av_upload`, { token: officer });
    expect(upload.body.items).toHaveLength(1);
    const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: officer });
    const last = record.body.items.slice(-4).map((e: any) => e.action);
    expect(last).toEqual(['service_attempted', 'document_generated', 'evidence_recorded', 'document_served']);
    expect(record.body.items.at(-1).summary).toContain('见证人社区工作人员刘某，留置送达');
  });
});
