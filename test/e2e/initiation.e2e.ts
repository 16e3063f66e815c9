import { chinaYear } from '#libs/domain/numbering';
import { eventually } from '../support/database';
import { Reply, TestSystem } from '../support/system';

// The chain HTTP → NestJS → Temporal → activity → PostgreSQL → back, for 程序启动.
const form = {
  source: 'ex_officio',
  reason: '日常检查发现涉嫌未经登记擅自开展活动',
  caseSource: '日常监督检查',
  facts: '2026年11月20日检查发现某社会组织未经登记以协会名义开展活动。',
  parties: [{ kind: 'organisation', name: '某某协会筹备组', address: '兴隆台区某街道1号' }],
  handlerOpinion: '建议启动行政执法程序',
};

let sys: TestSystem;
const token = (u: string) => sys.token(u);

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

async function openTask(user: string, caseId: string) {
  const r = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token(user) });
  expect(r.status).toBe(200);
  expect(r.body.items).toHaveLength(1);
  return r.body.items[0];
}

describe('ex officio start: officer → unit head → chief (程序启动审批表)', () => {
  let caseId: string;
  // The start as it happened, set up once; each test below checks one part of it.
  let started: Reply;
  let review: Reply;
  let reviewed: Reply;
  let approval: Reply;
  let approved: Reply;

  beforeAll(async () => {
    started = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer1'), body: form });
    caseId = started.body.id;
    review = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token('xlt.unithead') });
    reviewed = await sys.call('POST', `/api/v1/tasks/${review.body.items[0].id}/completion`, {
      token: await token('xlt.unithead'),
      body: { decision: 'agree', opinion: '事实清楚，同意启动' },
    });
    approval = await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token('xlt.chief') });
    approved = await sys.call('POST', `/api/v1/tasks/${approval.body.items[0].id}/completion`, {
      token: await token('xlt.chief'),
      body: { decision: 'approve', opinion: '同意' },
    });
    // The filing has settled once the decision stage it started has written its deadline (moments after the answer).
    await eventually(async () =>
      (await sys.call('GET', `/api/v1/cases/${caseId}/record`, { token: await token('xlt.officer1') })).body.items?.some(
        (e: any) => e.action === 'deadline_set',
      )
        ? true
        : undefined,
    );
  });

  it('the officer starts a case; it waits for approval', () => {
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      caseNumber: null, // numbered at filing (立案), not before
      status: 'pending_approval',
      source: 'ex_officio',
      emergency: false,
      agencyId: 'xinglongtai-civil-affairs',
    });
  });

  it('the unit head and the chief complete their tasks; the case starts', () => {
    for (const [list, kind] of [
      [review, 'unit_head_review'],
      [approval, 'chief_approval'],
    ] as const) {
      expect(list.status).toBe(200);
      expect(list.body.items.map((t: any) => t.kind)).toEqual([kind]);
    }
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.task.status).toBe('completed');
    expect(approved.status).toBe(200);
    // The Update answers after the workflow acted on it: the case has already started.
    expect(approved.body.case.status).toBe('initiated');
    // Numbered in the filing's own transaction: the profile's default pattern, the China year of the approval.
    expect(approved.body.case.caseNumber).toBe(`XLT罚立〔${chinaYear(approved.body.case.updatedAt)}〕1号`);
  });

  it('filing starts the decision deadline: 90 days (行政处罚法 60), extension refused where no rule allows it', async () => {
    // Written by the decision stage the filing started, moments after the chief's answer.
    const r = await eventually(async () => {
      const reply = await sys.call('GET', `/api/v1/cases/${caseId}/deadlines`, { token: await token('xlt.officer1') });
      return reply.body.items?.length ? reply : undefined;
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
    expect(r.body.items[0]).toMatchObject({ kind: 'decision', state: 'running', extended: false });
    const days = (Date.parse(r.body.items[0].dueAt) - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(95); // 90 days, plus a roll past a holiday at most
    const ext = await sys.call('POST', `/api/v1/cases/${caseId}/decision-deadline/extension-request`, {
      token: await token('xlt.officer1'),
      body: { reason: '案情复杂' },
    });
    expect(ext).toMatchObject({ status: 409, body: { code: 'DECISION_EXTENSION_NOT_ALLOWED' } });
  });

  it('the record lists every step in order, with who, role, when and legal basis', async () => {
    // The 程序启动审批表, with the 案号, is made once the chief was answered: after the filing's entry.
    const r = await eventually(async () => {
      const got = await sys.call('GET', `/api/v1/cases/${caseId}/record`, { token: await token('xlt.officer1') });
      return got.body.items?.length === 6 ? got : undefined;
    });
    const items = r.body.items.filter((e: any) => e.action !== 'document_generated');
    expect(items.map((e: any) => [e.action, e.actor?.role, e.details?.kind])).toEqual([
      ['case_registered', 'officer', undefined],
      ['task_completed', 'unit_head', 'unit_head_review'],
      ['task_completed', 'chief', 'chief_approval'],
      ['case_initiated', 'chief', undefined],
      ['deadline_set', undefined, undefined],
    ]);
    const made = r.body.items.find((e: any) => e.action === 'document_generated');
    expect(made).toMatchObject({ actor: { role: 'chief' }, details: { kind: 'initiation_approval' } });
    expect(made.seq).toBeGreaterThan(items[3].seq);
    expect(r.body.items.map((e: any) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const e of r.body.items.slice(0, 4)) {
      expect(e.legalBasis).toContain('兴隆台区民政局行政执法全过程记录实施办法');
      expect(Date.parse(e.at)).not.toBeNaN();
    }
    expect(items[4].legalBasis).toContain('《中华人民共和国行政处罚法》第六十条');
    expect(r.body.items[2].summary).toContain('同意');
    // The filing's entry names the 案号 it gave.
    const number = r.body.items[3].details.caseNumber;
    expect(number).toMatch(/^XLT罚立〔\d{4}〕1号$/);
    expect(r.body.items[3].summary).toContain(`案号${number}`);
    expect(made.details).toMatchObject({ kind: 'initiation_approval', number, stepRef: 'concluded' });
  });

  it('a duplicate completion is harmless; a different one is refused', async () => {
    const tasks = await sys.database.db.query(`SELECT id FROM tasks WHERE case_id = $1 AND kind = 'chief_approval'`, [caseId]);
    const before = await sys.database.db.query('SELECT count(*)::int AS n FROM case_records WHERE case_id = $1', [caseId]);
    const same = await sys.call('POST', `/api/v1/tasks/${tasks[0].id}/completion`, {
      token: await token('xlt.chief'),
      body: { decision: 'approve', opinion: '同意' },
    });
    expect(same.status).toBe(200);
    expect(same.body.case.status).toBe('initiated');
    const other = await sys.call('POST', `/api/v1/tasks/${tasks[0].id}/completion`, {
      token: await token('xlt.chief'),
      body: { decision: 'reject', opinion: '改变主意' },
    });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('TASK_NOT_OPEN');
    const after = await sys.database.db.query('SELECT count(*)::int AS n FROM case_records WHERE case_id = $1', [caseId]);
    expect(after[0].n).toBe(before[0].n);
  });

  it('an officer of another agency gets 404 as for a missing case, and the refusal is audited', async () => {
    const r = await sys.call('GET', `/api/v1/cases/${caseId}`, { token: await token('hy.officer1') });
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({ code: 'CASE_NOT_FOUND', message: '案件不存在' });
    const audit = await sys.call('GET', '/api/v1/audit', { token: await token('hy.supervisor') });
    expect(audit.body.items.some((a: any) => a.code === 'CASE_OTHER_AGENCY' && a.outcome === 'denied')).toBe(true);
  });
});

describe('roles and agencies on tasks', () => {
  it('a role cannot complete another role’s task, nor another agency’s', async () => {
    const c = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer2'), body: form });
    const review = await openTask('xlt.unithead', c.body.id);
    const byOfficer = await sys.call('POST', `/api/v1/tasks/${review.id}/completion`, {
      token: await token('xlt.officer1'),
      body: { decision: 'agree', opinion: '越权' },
    });
    expect(byOfficer.status).toBe(403);
    expect(byOfficer.body.code).toBe('TASK_WRONG_ROLE');
    const byOtherAgency = await sys.call('POST', `/api/v1/tasks/${review.id}/completion`, {
      token: await token('hy.unithead'),
      body: { decision: 'agree', opinion: '越权' },
    });
    expect(byOtherAgency.status).toBe(404);
    expect(byOtherAgency.body.code).toBe('TASK_NOT_FOUND');
    const badDecision = await sys.call('POST', `/api/v1/tasks/${review.id}/completion`, {
      token: await token('xlt.unithead'),
      body: { decision: 'approve', opinion: '不是本任务的选项' },
    });
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.code).toBe('TASK_DECISION_INVALID');
  });

  it('only officers start cases', async () => {
    const r = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.chief'), body: form });
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('AUTH_ROLE_FORBIDDEN');
  });
});

describe('emergency start and idempotent start', () => {
  it('is refused where the profile has no emergency rule (平罗县退役军人事务局)', async () => {
    const r = await sys.call('POST', '/api/v1/cases', { token: await token('pl.officer1'), body: { ...form, emergency: true } });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('EMERGENCY_NOT_ALLOWED');
    const n = await sys.database.db.query(`SELECT count(*)::int AS n FROM cases WHERE agency_id = 'pingluo-veterans'`);
    expect(n[0].n).toBe(0);
  });

  it('starts at once where allowed, with a back-report task due in 24 hours', async () => {
    const r = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer1'), body: { ...form, emergency: true } });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('emergency_started');
    const task = await openTask('xlt.officer1', r.body.id);
    expect(task.kind).toBe('back_report');
    expect(Date.parse(task.dueAt) - Date.parse(r.body.startedAt)).toBe(24 * 3600 * 1000);
  });

  it('the same Idempotency-Key starts one case', async () => {
    const headers = { 'idempotency-key': 'start-once-1' };
    const a = await sys.call('POST', '/api/v1/cases', { token: await token('jp.officer1'), body: form, headers });
    const b = await sys.call('POST', '/api/v1/cases', { token: await token('jp.officer1'), body: form, headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    const n = await sys.database.db.query(`SELECT count(*)::int AS n FROM cases WHERE agency_id = 'jinpu-ocean'`);
    expect(n[0].n).toBe(1);
  });
});

describe('bad input gets field-by-field Chinese errors, never a 500', () => {
  it('an empty form lists each missing field', async () => {
    const r = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer1'), body: { source: 'complaint' } });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(r.body.errors.map((e: any) => [e.field, e]));
    expect(byField.reason).toMatchObject({ code: 'REQUIRED', message: '启动原因不能为空' });
    expect(byField.facts.message).toBe('基本案情不能为空');
    expect(byField.complainant.code).toBe('REQUIRED');
    expect(byField.complaintContent.code).toBe('REQUIRED');
  });

  it('nested and unknown fields are named', async () => {
    const r = await sys.call('POST', '/api/v1/cases', {
      token: await token('xlt.officer1'),
      body: { ...form, parties: [{ kind: 'robot', name: '' }], status: 'initiated' },
    });
    expect(r.status).toBe(400);
    const fields = r.body.errors.map((e: any) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['parties[0].kind:NOT_ALLOWED', 'parties[0].name:REQUIRED', 'status:UNKNOWN_FIELD']));
  });

  it('malformed JSON, bad ids, and no token get clear codes', async () => {
    const t = await token('xlt.officer1');
    expect((await sys.call('POST', '/api/v1/cases', { token: t, raw: '{"source":' })).body.code).toBe('BODY_NOT_JSON');
    expect((await sys.call('GET', '/api/v1/cases/not-a-uuid', { token: t })).body.code).toBe('CASE_NOT_FOUND');
    expect((await sys.call('GET', '/api/v1/tasks?pageSize=1000', { token: t })).body.errors[0].code).toBe('OUT_OF_RANGE');
    const anon = await sys.call('GET', '/api/v1/cases');
    expect(anon).toMatchObject({ status: 401, body: { code: 'AUTH_TOKEN_MISSING' } });
    const wrong = await sys.call('POST', '/api/v1/auth/login', { body: { username: 'xlt.officer1', password: 'nope' } });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'AUTH_INVALID_CREDENTIALS' } });
  });
});

describe('a declined real-name complaint: telling the complainant is dated after the decline, never ahead', () => {
  it('refuses a notification dated before the decline or in the future, and takes it dated now', async () => {
    const body = {
      ...form,
      source: 'complaint',
      complainant: { realName: true, name: '李四', contact: '13800000000' },
      complaintContent: '举报某协会未经登记开展活动',
    };
    const started = await sys.call('POST', '/api/v1/cases', { token: await token('xlt.officer1'), body });
    expect(started.status).toBe(201);
    const caseId = started.body.id;
    await sys.completeTask(caseId, 'xlt.unithead', { decision: 'disagree', opinion: '证据不足' });
    const declinedAt = Date.now();
    expect((await sys.completeTask(caseId, 'xlt.chief', { decision: 'reject', opinion: '不予启动' })).status).toBe(200);
    const task = await eventually(
      async () =>
        (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=decline_notification`, { token: await token('xlt.officer1') })).body
          .items[0],
    );
    const officer = await token('xlt.officer1');
    const tell = (notifiedAt: string) =>
      sys.call('POST', `/api/v1/tasks/${task.id}/completion`, {
        token: officer,
        body: { decision: 'notified', opinion: '已电话告知', notification: { method: 'phone', notifiedAt, recipient: '李四' } },
      });
    const before = await tell(new Date(declinedAt - 3600_000).toISOString());
    expect(before).toMatchObject({
      status: 400,
      body: { code: 'EVENT_BEFORE_STEP', errors: [{ field: 'notification.notifiedAt', code: 'EVENT_BEFORE_STEP' }] },
    });
    expect(before.body.errors[0].message).toContain('不能早于不予启动的决定');
    const future = await tell(new Date(Date.now() + 3600_000).toISOString());
    expect(future).toMatchObject({ status: 400, body: { code: 'TIME_IN_FUTURE', errors: [{ field: 'notification.notifiedAt' }] } });
    expect(future.body.errors[0].message).toContain('告知时间');
    expect((await tell(new Date().toISOString())).status).toBe(200);
  });
});
