import { LegalCalendar } from '#libs/calendar/calendar';
import { BUILT_IN_SCHEDULES } from '#libs/calendar/data/index';
import { computeDue } from '#libs/calendar/period';
import { eventually, userId } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { DUE_CSV_HEADER, TestSystem, dueCsvLine } from '../support/system';

// Seen in the same runs: the supervisor's views and the case's own agree — how a deadline
// ended, who must act on each due item, running coercive measures, the decision stage, late files.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const DAY = 24 * 3600_000;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const mine = (items: { caseId: string }[], caseId: string) => items.filter((i) => i.caseId === caseId);

it('a terminated case: its decision deadline shows it was stopped, and the archive task names the archivist, not the officer', async () => {
  const caseId = await sys.filedCase('xlt');
  const officer = await token('xlt.officer1');
  const [running] = (await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: officer })).body.items;
  expect(running).toMatchObject({ kind: 'decision', state: 'running', ended: null, endedAt: null });

  await sys.call('POST', `/api/v1/cases/${caseId}/operations`, {
    token: officer,
    body: { kind: 'termination', reason: '当事人死亡，无遗产可供执行' },
  });
  const chief = await token('xlt.chief');
  const task = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=case_operation_approval`, { token: chief })).body.items[0],
  );
  expect(
    (await sys.call('POST', `/api/v1/tasks/${task.id}/completion`, { token: chief, body: { decision: 'approve', opinion: '同意终结' } }))
      .status,
  ).toBe(200);

  const [stopped] = await eventually(async () => {
    const d = (await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: officer })).body.items;
    return d[0]?.state === 'stopped' ? d : undefined;
  });
  expect(stopped).toMatchObject({ kind: 'decision', state: 'stopped', ended: 'terminated', dueAt: running.dueAt });
  expect(Date.parse(stopped.endedAt)).toBeLessThanOrEqual(Date.now());

  const supervisor = await token('xlt.supervisor');
  const archive = await eventually(async () => {
    const r = await sys.call('GET', `/api/v1/supervision/due?state=all&pageSize=100`, { token: supervisor });
    return mine(r.body.items, caseId).length ? mine(r.body.items, caseId) : undefined;
  });
  const [handler] = await sys.database.db.query('SELECT handling_officer_id AS id FROM cases WHERE id = $1', [caseId]);
  // Only the archive period is left; nobody is named, any archivist of the agency must act.
  expect(archive).toEqual([
    expect.objectContaining({ kind: 'task:archive_file', role: 'archivist', assigneeId: null, assigneeName: null, officerId: handler.id }),
  ]);
});

it('lists a running seizure with its 30-day end (行政强制法 25) and a filed case in the decision stage; the CSV has the same rows', async () => {
  const caseId = await sys.filedCase('hy');
  const officer = await token('hy.officer1');
  const taken = await sys.call('POST', `/api/v1/cases/${caseId}/measures`, {
    token: officer,
    body: { kind: 'seize', object: '涉案钢材20吨', takenAt: new Date().toISOString() },
  });
  expect(taken.status).toBe(201);
  expect((await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body.stage).toBe('decision');

  const supervisor = await token('hy.supervisor');
  const query = `state=due&stage=decision&pageSize=100`;
  const list = await sys.call('GET', `/api/v1/supervision/due?${query}`, { token: supervisor });
  expect(list.status).toBe(200);
  const officerId = await userId(sys.database.db, 'hy.officer1');
  expect(mine(list.body.items, caseId)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'measure:seize',
        kindLabel: '扣押期限',
        dueAt: taken.body.dueAt,
        stage: 'decision',
        ref: taken.body.id,
        assigneeId: officerId,
        role: 'officer',
      }),
      expect.objectContaining({ kind: 'deadline:decision', stage: 'decision' }),
    ]),
  );
  const { lines } = await sys.dueCsv(query, 'hy.supervisor');
  expect(lines[0]).toBe(DUE_CSV_HEADER);
  expect(lines.slice(1)).toEqual(list.body.items.map(dueCsvLine));
  const { caseNumber } = (await sys.call('GET', `/api/v1/cases/${caseId}`, { token: officer })).body;
  expect(caseNumber).toMatch(/^HY罚立〔\d{4}〕\d+号$/);
  expect(lines.some((l) => l.startsWith(`${caseId},${caseNumber},扣押期限,${taken.body.dueAt},0,decision,`))).toBe(true);

  // Released: no longer due.
  await sys.call('POST', `/api/v1/cases/${caseId}/measures/${taken.body.id}/decision`, {
    token: officer,
    body: { decision: 'release', content: '解除扣押，退还财物' },
  });
  const after = await sys.call('GET', `/api/v1/supervision/due?${query}`, { token: supervisor });
  expect(mine(after.body.items, caseId).map((i: any) => i.kind)).not.toContain('measure:seize');
});

it('a recording stored late is a defect of the case as well as on the accountability list', async () => {
  const caseId = await sys.filedCase('pl');
  const officer = await token('pl.officer1');
  // Recorded away from the office three days ago, back two days ago: the file was due a day ago (003 第九条).
  const r = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
    token: officer,
    body: {
      title: '偏远村走访录音',
      recordedAt: new Date(Date.now() - 3 * DAY).toISOString(),
      method: 'audio',
      usedAsEvidence: false,
      awayFromOffice: true,
      returnedAt: new Date(Date.now() - 2 * DAY).toISOString(),
      metadata: { spoken_opening_statement: '现在是……，执法人员……正在进行音像记录' },
    },
  });
  expect(r.status).toBe(201);
  const put = await sys.storeFile(caseId, r.body.id, Buffer.from('late audio'), { user: 'pl.officer1', type: 'audio/mpeg' });
  expect(put.status).toBe(200);
  expect(put.body.upload.onTime).toBe(false);

  const supervisor = await token('pl.supervisor');
  const accountability = await sys.call('GET', `/api/v1/supervision/accountability?caseId=${caseId}`, { token: supervisor });
  const defects = await sys.call('GET', `/api/v1/cases/${caseId}/defects`, { token: supervisor });
  expect(accountability.body.items.map((i: any) => i.kind)).toEqual(['av_late']);
  expect(defects.body.items).toEqual([expect.objectContaining({ kind: 'av_late', kindLabel: '音像记录逾期存储', recordId: r.body.id })]);
  expect(defects.body.items.map((d: any) => d.kind)).toEqual(accountability.body.items.map((i: any) => i.kind));
});

it('a declined real-name complaint: telling the complainant is due within the profile’s operational period and listed for the supervisor', async () => {
  const officer = await token('hy.officer1');
  const c = await sys.call('POST', '/api/v1/cases', {
    token: officer,
    body: {
      ...EX_OFFICIO_CASE,
      source: 'complaint',
      complainant: { realName: true, name: '李四', contact: '13800000000' },
      complaintContent: '举报违法施工',
    },
  });
  expect(c.status).toBe(201);
  await sys.completeTask(c.body.id, 'hy.unithead', { decision: 'disagree', opinion: '不符合启动条件' });
  await sys.completeTask(c.body.id, 'hy.chief', { decision: 'reject', opinion: '不予启动' });
  const task = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${c.body.id}&kind=decline_notification`, { token: officer })).body.items[0],
  );
  // 5 working days: an operational figure of the profile (the seeds fix no period for it).
  expect(task.dueAt).toBe(computeDue(new LegalCalendar(BUILT_IN_SCHEDULES), task.openedAt, { amount: 5, unit: 'workday' }).due);
  const due = await sys.call('GET', `/api/v1/supervision/due?state=due&kind=task:decline_notification&pageSize=100`, {
    token: await token('hy.supervisor'),
  });
  expect(mine(due.body.items, c.body.id)).toEqual([
    expect.objectContaining({
      kind: 'task:decline_notification',
      kindLabel: '告知不予启动情况',
      dueAt: task.dueAt,
      role: 'officer',
      assigneeId: task.assigneeId,
    }),
  ]);
});
