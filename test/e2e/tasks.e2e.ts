import { userId } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { TestSystem } from '../support/system';

// A task handed to another person of its role with the reason; a 催办 recorded on the
// case and sent to the assignee.
let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

it('the unit head hands the draft to another officer; the supervisor urges it; the new assignee sees both', async () => {
  const caseId = await sys.filedCase('hy');
  const first = await token('hy.officer1');
  const second = await token('hy.officer2');
  const [draft] = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=draft_decision`, { token: first })).body.items;
  const officer2Id = await userId(sys.database.db, 'hy.officer2');
  const legalId = await userId(sys.database.db, 'hy.legal');

  const byOfficer = await sys.call('POST', `/api/v1/tasks/${draft.id}/transfer`, {
    token: first,
    body: { toUserId: officer2Id, reason: '出差' },
  });
  expect(byOfficer.status).toBe(403);
  const wrongRole = await sys.call('POST', `/api/v1/tasks/${draft.id}/transfer`, {
    token: await token('hy.unithead'),
    body: { toUserId: legalId, reason: '出差' },
  });
  expect(wrongRole).toMatchObject({ status: 400, body: { code: 'TASK_TRANSFER_TARGET_INVALID' } });
  const moved = await sys.call('POST', `/api/v1/tasks/${draft.id}/transfer`, {
    token: await token('hy.unithead'),
    body: { toUserId: officer2Id, reason: '承办人出差，由李执法接办' },
  });
  expect(moved.body.assigneeId).toBe(officer2Id);
  expect((await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: first })).body.items).toEqual([]);
  expect((await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: second })).body.items.map((t: any) => t.id)).toEqual([draft.id]);

  const urged = await sys.call('POST', `/api/v1/tasks/${draft.id}/urge`, {
    token: await token('hy.supervisor'),
    body: { message: '请于本周内提交处理意见' },
  });
  expect(urged.status).toBe(200);
  const inbox = await sys.call('GET', '/api/v1/notifications', { token: second });
  expect(inbox.body.items).toEqual([expect.objectContaining({ caseId, taskId: draft.id, message: '请于本周内提交处理意见' })]);
  expect((await sys.call('GET', '/api/v1/notifications', { token: first })).body.items).toEqual([]);
  const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: second });
  expect(record.body.items.map((e: any) => e.action).slice(-2)).toEqual(['task_transferred', 'task_urged']);
});

it('lists the defects per case and per officer for 评议考核 (002 第三十四条)', async () => {
  const caseId = await sys.filedCase('xx');
  // 001 第十一条: an inquiry of the party is recorded on audio-video; without it the record is kept and flagged.
  const r = await sys.partyInquiry(caseId, 'xx', { rights: ['statement', 'defence', 'hearing'], method: '口头告知并记入笔录' });
  expect(r.body.avVerdict).toBe('defect');
  const officerId = await userId(sys.database.db, 'xx.officer1');
  const list = await sys.call('GET', `/api/v1/supervision/accountability?personId=${officerId}`, { token: await token('xx.supervisor') });
  expect(list.body.items).toEqual([expect.objectContaining({ caseId, kind: 'av_missing', kindLabel: '未按规定进行音像记录' })]);
  expect(list.body.byPerson).toEqual([expect.objectContaining({ personId: officerId, kind: 'av_missing', count: 1 })]);
  const other = await sys.call('GET', `/api/v1/supervision/accountability`, { token: await token('hy.supervisor') });
  expect(other.body.total).toBe(0); // another agency's supervisor sees none of it
});

it('a record flagged private is refused to an officer of another unit, redacted in the list, and every permitted read is recorded', async () => {
  const caseId = await sys.filedCase('hy');
  const recordId = await sys.evidenceRecord(caseId, 'hy');
  const flagged = await sys.call('POST', `/api/v1/cases/${caseId}/evidence/${recordId}/flags`, {
    token: await token('hy.unithead'),
    body: { flag: 'privacy', reason: '涉及当事人病历' },
  });
  expect(flagged.body).toEqual({ recordId, flags: ['privacy'] });

  const outsider = await token('hy.officer3'); // 执法二科
  const refused = await sys.call('GET', `/api/v1/cases/${caseId}/evidence/${recordId}`, { token: outsider });
  expect(refused).toMatchObject({ status: 403, body: { code: 'RECORD_CONFIDENTIAL' } });
  const [listed] = (await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: outsider })).body.items;
  expect(listed).toMatchObject({ id: recordId, content: null, confidentiality: ['privacy'], redacted: '内容涉及个人隐私，已隐去' });

  const read = await sys.call('GET', `/api/v1/cases/${caseId}/evidence/${recordId}`, { token: await token('hy.legal') });
  expect(read.body.content).toBeTruthy();
  // Read again the same day, alone and in the list: still one line (once per reader, record and China day).
  await sys.call('GET', `/api/v1/cases/${caseId}/evidence/${recordId}`, { token: await token('hy.legal') });
  await sys.call('GET', `/api/v1/cases/${caseId}/evidence`, { token: await token('hy.legal') });
  const colleague = await sys.call('GET', `/api/v1/cases/${caseId}/evidence/${recordId}`, { token: await token('hy.officer2') });
  expect(colleague.status).toBe(200); // same unit as the handling officer
  const record = await sys.call('GET', `/api/v1/cases/${caseId}/record?pageSize=100`, { token: await token('hy.chief') });
  const reads = record.body.items.filter((e: any) => e.action === 'record_read');
  expect(reads.map((e: any) => e.actor.role)).toEqual(['legal_reviewer', 'officer']);
  expect(record.body.items.some((e: any) => e.action === 'record_flagged')).toBe(true);
});

it('a party’s request to read or copy the record: the chief consents where the profile says so (华阴), the officer decides per 政府信息公开条例 (兴隆台)', async () => {
  const hyCase = await sys.filedCase('hy');
  const view = await sys.call('POST', `/api/v1/cases/${hyCase}/access-requests`, {
    token: await token('hy.officer1'),
    body: { requester: '王五', requestedAt: new Date().toISOString(), scope: '询问笔录', actions: ['view'] },
  });
  expect(view.body.errors).toEqual([
    { field: 'actions', code: 'ACCESS_ACTION_NOT_ALLOWED', message: '本机关的规定只允许当事人复制执法记录' },
  ]);
  const copy = await sys.call('POST', `/api/v1/cases/${hyCase}/access-requests`, {
    token: await token('hy.officer1'),
    body: { requester: '王五', requestedAt: new Date().toISOString(), scope: '询问笔录', actions: ['copy'] },
  });
  expect(copy.body).toMatchObject({ decidedBy: 'chief', task: { kind: 'access_request', role: 'chief' } });
  const consent = await sys.call('POST', `/api/v1/tasks/${copy.body.task.id}/completion`, {
    token: await token('hy.chief'),
    body: { decision: 'granted', opinion: '同意复制，隐去第三人信息' },
  });
  expect(consent.status).toBe(200);

  const xltCase = await sys.filedCase('xlt');
  const asked = await sys.call('POST', `/api/v1/cases/${xltCase}/access-requests`, {
    token: await token('xlt.officer1'),
    body: { requester: '赵六', requestedAt: new Date().toISOString(), scope: '全部执法记录', actions: ['view', 'copy'] },
  });
  expect(asked.body).toMatchObject({ decidedBy: 'officer', task: { role: 'officer' } });
  const record = await sys.call('GET', `/api/v1/cases/${hyCase}/record?pageSize=100`, { token: await token('hy.chief') });
  expect(record.body.items.map((e: any) => e.action).slice(-2)).toEqual(['access_requested', 'task_completed']);
  expect(record.body.items.at(-1).summary).toContain('准予');
});

it('已办: each person sees the tasks they completed, most recently completed first, and no one else’s', async () => {
  const first = await sys.filedCase('xlt');
  const second = await sys.filedCase('xlt');
  const done = async (user: string) => (await sys.call('GET', '/api/v1/tasks/done?pageSize=100', { token: await token(user) })).body;
  const chief = await done('xlt.chief');
  const mine = chief.items.filter((t: { caseId: string }) => [first, second].includes(t.caseId));
  expect(mine.map((t: any) => [t.caseId, t.kind, t.status, t.decision, t.opinion])).toEqual([
    [second, 'chief_approval', 'completed', 'approve', '同意'],
    [first, 'chief_approval', 'completed', 'approve', '同意'],
  ]);
  const chiefId = await userId(sys.database.db, 'xlt.chief');
  expect(chief.items.every((t: { completedBy: string }) => t.completedBy === chiefId)).toBe(true);
  expect(mine[0].caseNumber).toMatch(/〔\d{4}〕/);
  const unitHead = (await done('xlt.unithead')).items.filter((t: { caseId: string }) => t.caseId === first);
  expect(unitHead.map((t: any) => t.kind)).toEqual(['unit_head_review']);
  // Another agency's chief, and an officer who completed nothing on these cases, see none of them.
  expect((await done('hy.chief')).items.filter((t: { caseId: string }) => [first, second].includes(t.caseId))).toEqual([]);
  expect((await done('xlt.officer2')).items.filter((t: { caseId: string }) => [first, second].includes(t.caseId))).toEqual([]);
});

it('a completion answers with the task as the lists show it: its 案号 and parties', async () => {
  const officer = await token('xlt.officer1');
  const c = (
    await sys.call('POST', '/api/v1/cases', {
      token: officer,
      body: {
        ...EX_OFFICIO_CASE,
        parties: [
          { kind: 'person', name: '王五' },
          { kind: 'organisation', name: '某某商贸有限公司' },
        ],
      },
    })
  ).body;
  const head = await token('xlt.unithead');
  const listed = (await sys.call('GET', `/api/v1/tasks?caseId=${c.id}`, { token: head })).body;
  expect(listed.total).toBe(1);
  expect(listed.items[0].partyNames).toEqual(['王五', '某某商贸有限公司']);
  const agreed = await sys.call('POST', `/api/v1/tasks/${listed.items[0].id}/completion`, {
    token: head,
    body: { decision: 'agree', opinion: '同意' },
  });
  expect(agreed.body.task).toMatchObject({
    id: listed.items[0].id,
    status: 'completed',
    caseNumber: null,
    partyNames: ['王五', '某某商贸有限公司'],
  });
  expect(agreed.body.case.status).toBe('pending_approval');
  const chief = await token('xlt.chief');
  const open = (await sys.call('GET', `/api/v1/tasks?caseId=${c.id}`, { token: chief })).body.items[0];
  const approved = (
    await sys.call('POST', `/api/v1/tasks/${open.id}/completion`, { token: chief, body: { decision: 'approve', opinion: '同意' } })
  ).body;
  expect(approved.task.caseNumber).toBe(approved.case.caseNumber);
  expect(approved.task.caseNumber).toMatch(/〔\d{4}〕/);
});
