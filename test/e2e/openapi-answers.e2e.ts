import { OpenApiDoc, answerSchema, departures } from '../support/openapi-check';
import { TestSystem } from '../support/system';

// The OpenAPI document is the contract a generated client and the fuzz run rely on: every answer of
// the case, its records, tasks, supervision and shared data has a schema, and the answers a client
// gets match it field by field; a request field required only in some cases is not marked required.
let sys: TestSystem;
let doc: OpenApiDoc;
const token = (u: string) => sys.token(u);

const TAGS = [
  'auth 登录',
  'audit 访问审计',
  'calendar 工作日历与期限',
  'cases 案件',
  'documents 执法文书',
  'health 运行状态',
  'investigation 调查取证',
  'investigation 行政强制措施',
  'profiles 机关执法规则',
  'record 记录完整性',
  'supervision 监督',
  'tasks 待办任务',
];
/** Answers that are not JSON: no content (logout), a CSV file or a PDF. */
const NOT_JSON = [
  'POST /api/v1/auth/logout',
  'GET /api/v1/supervision/due.csv',
  'GET /api/v1/cases/{id}/documents/{documentId}/file',
  'GET /api/v1/cases/{id}/documents/preview',
];

beforeAll(async () => {
  sys = await TestSystem.start();
  doc = (await sys.call('GET', '/api/docs-json')).body;
});
afterAll(async () => {
  await sys?.stop();
});

/** Calls the route and returns where its answer departs from the documented schema of `path`. */
async function check(method: string, path: string, url: string, user: string | null, body?: unknown): Promise<string[]> {
  const reply = await sys.call(method, url, { token: user ? await token(user) : undefined, body });
  if (reply.status >= 300) return [`${method} ${url}: ${reply.status} ${JSON.stringify(reply.body)}`];
  return departures(doc, answerSchema(doc, method, path), reply.body).map((d) => `${method} ${path} ${d}`);
}

it('documents a JSON schema for the answer of every operation', () => {
  const ops = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.tags?.some((t) => TAGS.includes(t)))
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
  expect(ops.length).toBeGreaterThan(35);
  const without = ops
    .filter((o) => !NOT_JSON.includes(o))
    .filter((o) => {
      const [method, path] = o.split(' ');
      try {
        return !answerSchema(doc, method, path);
      } catch {
        return true;
      }
    });
  expect(without).toEqual([]);
});

it('answers a case, its records, measures and defects as documented', async () => {
  const caseId = await sys.filedCase('hy');
  const recordId = await sys.evidenceRecord(caseId, 'hy');
  const av = await sys.call('POST', `/api/v1/cases/${caseId}/av-records`, {
    token: await token('hy.officer1'),
    body: {
      title: '现场照片',
      recordedAt: new Date().toISOString(),
      method: 'photo',
      usedAsEvidence: false,
      metadata: { place_marker: '现场' },
    },
  });
  const c = `/api/v1/cases/${caseId}`;
  const takenAt = new Date(Date.now() - 3600_000).toISOString();
  const problems = [
    ...departures(doc, answerSchema(doc, 'POST', '/api/v1/cases/{id}/av-records'), av.body),
    ...(await check('POST', '/api/v1/cases/{id}/measures', `${c}/measures`, 'hy.officer1', {
      kind: 'seize',
      object: '涉案钢材',
      takenAt,
      recordId,
    })),
    ...(await check('GET', '/api/v1/cases/{id}/measures', `${c}/measures`, 'hy.officer1')),
    ...(await check('POST', '/api/v1/cases/{id}/evidence/{recordId}/flags', `${c}/evidence/${recordId}/flags`, 'hy.unithead', {
      flag: 'privacy',
      reason: '涉及当事人病历',
    })),
    // A flagged record redacted for an officer of another unit, and shown to the legal reviewer.
    ...(await check('GET', '/api/v1/cases/{id}/evidence', `${c}/evidence`, 'hy.officer3')),
    ...(await check('GET', '/api/v1/cases/{id}/evidence/{recordId}', `${c}/evidence/${recordId}`, 'hy.legal')),
    ...(await check('GET', '/api/v1/cases/{id}/defects', `${c}/defects`, 'hy.officer1')),
    ...(await check('GET', '/api/v1/cases/{id}', c, 'hy.officer1')),
    ...(await check('GET', '/api/v1/cases/{id}/record', `${c}/record?pageSize=100`, 'hy.officer1')),
    ...(await check('GET', '/api/v1/cases', '/api/v1/cases', 'hy.officer1')),
  ];
  expect(problems).toEqual([]);
});

it('answers tasks, messages, supervision and shared data as documented', async () => {
  const caseId = await sys.filedCase('xx');
  await sys.partyInquiry(caseId, 'xx', { rights: ['statement', 'defence', 'hearing'], method: '口头告知并记入笔录' });
  const [task] = (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}`, { token: await token('xx.officer1') })).body.items;
  const problems = [
    ...(await check('GET', '/api/v1/tasks', `/api/v1/tasks?caseId=${caseId}`, 'xx.officer1')),
    ...(await check('POST', '/api/v1/tasks/{id}/urge', `/api/v1/tasks/${task.id}/urge`, 'xx.supervisor', { message: '请尽快办理' })),
    ...(await check('GET', '/api/v1/tasks/done', '/api/v1/tasks/done', 'xx.chief')),
    ...(await check('GET', '/api/v1/notifications', '/api/v1/notifications', 'xx.officer1')),
    ...(await check('GET', '/api/v1/escalations', '/api/v1/escalations', 'xx.supervisor')),
    ...(await check('GET', '/api/v1/supervision/due', '/api/v1/supervision/due?state=all', 'xx.supervisor')),
    ...(await check('GET', '/api/v1/supervision/stats', '/api/v1/supervision/stats', 'xx.supervisor')),
    ...(await check('GET', '/api/v1/supervision/accountability', '/api/v1/supervision/accountability', 'xx.supervisor')),
    ...(await check('GET', '/api/v1/audit', '/api/v1/audit', 'sys.admin')),
    ...(await check('GET', '/api/v1/record-heads/verify', '/api/v1/record-heads/verify', 'xx.supervisor')),
    ...(await check('GET', '/api/v1/calendar/due', '/api/v1/calendar/due?from=2025-09-30&amount=5&unit=workday', 'xx.officer1')),
    ...(await check('GET', '/api/v1/calendar/years', '/api/v1/calendar/years', 'xx.officer1')),
    ...(await check('GET', '/api/v1/calendar/years/{year}', '/api/v1/calendar/years/2025', 'xx.officer1')),
    ...(await check('GET', '/api/v1/profiles', '/api/v1/profiles', 'xx.officer1')),
    ...(await check('GET', '/api/v1/profiles/{id}', '/api/v1/profiles/xinxiang-town', 'xx.officer1')),
    ...(await check('GET', '/api/v1/auth/me', '/api/v1/auth/me', 'xx.officer1')),
    ...(await check('GET', '/api/health', '/api/health', null)),
  ];
  expect(problems).toEqual([]);
});

it('does not mark required a request field the validators require only in some cases, and says when it is', () => {
  const conditional: Record<string, string[]> = {
    WrittenRecordDto: ['legalBasis', 'preservation', 'correctionReason'],
    AvRecordDto: ['returnedAt', 'correctionReason'],
    SignaturesDto: ['refusalReason', 'witness'],
    TakeMeasureDto: ['familyNotified'],
    CompleteTaskDto: ['notification', 'returnTo', 'receipt'],
  };
  const wrong = Object.entries(conditional).flatMap(([name, fields]) => {
    const s = doc.components.schemas[name];
    return fields
      .filter((f) => s.required?.includes(f) || !JSON.stringify(s.properties?.[f] ?? {}).includes('时必填'))
      .map((f) => `${name}.${f}`);
  });
  expect(wrong).toEqual([]);
});
