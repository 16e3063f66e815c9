import { chinaDate } from '#libs/calendar/dates';
import { eventually } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { summaryBody } from '../support/summary-body';
import { OpenApiDoc, answerSchema, departures } from '../support/openapi-check';
import { TestSystem } from '../support/system';

// The OpenAPI document is the contract a generated client and the fuzz run rely on: every answer of
// the case's stages (initiation to archiving) has a schema and the answers a client gets match it
// field by field; a request field required only in some cases is not marked required.
let sys: TestSystem;
let doc: OpenApiDoc;
const token = (u: string) => sys.token(u);
const DAY = 24 * 3600_000;

const STAGE_TAGS = [
  'initiation 程序启动',
  'decision 审查决定',
  'summary 简易程序',
  'service 送达',
  'execution 执行',
  'archiving 归档',
  'case operations 中止、恢复、终结、移送',
];

beforeAll(async () => {
  sys = await TestSystem.start();
  doc = (await sys.call('GET', '/api/docs-json')).body;
});
afterAll(async () => {
  await sys?.stop();
});

/** Answers that are files, not JSON: the 案卷 PDF and its export package. */
const FILES = ['GET /api/v1/cases/{id}/case-file/pdf', 'GET /api/v1/cases/{id}/case-file/package'];

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => op.tags?.some((t) => STAGE_TAGS.includes(t)))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );

/** Calls the route and returns where its answer departs from the documented schema of `path`. */
async function check(method: string, path: string, url: string, user: string, body?: unknown): Promise<string[]> {
  const reply = await sys.call(method, url, { token: await token(user), body });
  if (reply.status >= 300) return [`${method} ${url}: ${reply.status} ${JSON.stringify(reply.body)}`];
  return departures(doc, answerSchema(doc, method, path), reply.body).map((d) => `${method} ${path} ${d}`);
}

it('documents a JSON schema for the answer of every operation of the stages', () => {
  const ops = operations();
  expect(ops.length).toBeGreaterThan(35);
  const without = ops.filter(({ method, path }) => {
    if (FILES.includes(`${method} ${path}`)) return false;
    try {
      return !answerSchema(doc, method, path);
    } catch {
      return true;
    }
  });
  expect(without.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
});

it('does not mark required a request field the validators require only in some cases', () => {
  const conditional: string[] = [];
  const marked: string[] = [];
  for (const [name, s] of Object.entries(doc.components.schemas)) {
    for (const [field, p] of Object.entries(s.properties ?? {})) {
      if (!p.description?.includes('时必填')) continue;
      conditional.push(`${name}.${field}`);
      if (s.required?.includes(field)) marked.push(`${name}.${field}`);
    }
  }
  expect(conditional).toEqual(
    expect.arrayContaining([
      'AttemptDto.postal',
      'OutcomeDto.failureReason',
      'IssueDecisionDto.handedOver',
      'NoticeServedDto.method',
      'StartCaseDto.complainant',
      'RemedyDto.outcome',
    ]),
  );
  expect(marked).toEqual([]);
});

/** A 兴隆台 case filed, drafted, told and approved, each answer on the way checked into `problems`. */
async function approvedCase(problems: string[]): Promise<string> {
  const caseId = await sys.filedCase('xlt');
  const c = `/api/v1/cases/${caseId}`;
  const p = '/api/v1/cases/{id}';
  const evidenceId = await sys.evidenceRecord(caseId, 'xlt');
  const draft = {
    facts: '违法事实',
    evidenceIds: [evidenceId],
    legalBasis: '《社会团体登记管理条例》第三十条',
    penalties: [{ kind: 'fine', amountYuan: 1000 }],
    opinion: '罚款一千元',
    factors: '无',
  };
  problems.push(...(await check('POST', `${p}/draft-decision`, `${c}/draft-decision`, 'xlt.officer1', draft)));
  problems.push(...(await check('GET', `${p}/review`, `${c}/review`, 'xlt.officer1')));
  await sys.completeTask(caseId, 'xlt.unithead', { decision: 'agree', opinion: '同意' });
  const before = (days: number) => new Date(Date.now() - days * DAY).toISOString();
  const notice = { servedAt: before(2), rights: ['statement', 'defence'], method: '直接送达' };
  problems.push(...(await check('POST', `${p}/pre-decision-notice`, `${c}/pre-decision-notice`, 'xlt.officer1', notice)));
  problems.push(
    ...(await check('POST', `${p}/waivers`, `${c}/waivers`, 'xlt.officer1', { waivedAt: before(2), scope: 'both', document: '放弃' })),
  );
  problems.push(...(await check('GET', `${p}/pre-decision-notice`, `${c}/pre-decision-notice`, 'xlt.officer1')));
  problems.push(...(await check('GET', `${p}/deadlines`, `${c}/deadlines`, 'xlt.officer1')));
  const approved = await sys.completeTask(caseId, 'xlt.chief', {
    decision: 'approve',
    opinion: '同意',
    signature: '局长',
    signedAt: before(1),
  });
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
  return caseId;
}

const decisionOf = (caseId: string, partyPresent: boolean) => {
  const now = new Date().toISOString();
  return {
    decidedOn: chinaDate(new Date(now)),
    partyPresent,
    ...(partyPresent && { handedOver: { at: now, signedBy: '王五' } }),
  };
};

it('answers a case from its start through execution to its case file as documented', async () => {
  const problems = await check('POST', '/api/v1/cases', '/api/v1/cases', 'xlt.officer1', EX_OFFICIO_CASE);
  const caseId = await approvedCase(problems);
  const c = `/api/v1/cases/${caseId}`;
  const p = '/api/v1/cases/{id}';
  problems.push(...(await check('POST', `${p}/decision`, `${c}/decision`, 'xlt.officer1', decisionOf(caseId, true))));
  const officer = await token('xlt.officer1');
  await eventually(async () => ((await sys.call('GET', `${c}/execution`, { token: officer })).status === 200 ? true : undefined));
  const now = new Date().toISOString();
  problems.push(...(await check('GET', `${p}/execution`, `${c}/execution`, 'xlt.officer1')));
  problems.push(...(await check('POST', `${p}/remedies`, `${c}/remedies`, 'xlt.officer1', { kind: 'review', event: 'filed', at: now })));
  problems.push(
    ...(await check('POST', `${p}/payments`, `${c}/payments`, 'xlt.officer1', { paidAt: now, amountYuan: 1000, receipt: 'LN-1' })),
  );
  problems.push(...(await check('GET', `${p}/case-file`, `${c}/case-file`, 'xlt.archivist')));
  problems.push(...(await check('GET', `${p}/verify`, `${c}/verify`, 'xlt.officer1')));
  const access = { requester: '王五', requestedAt: now, scope: '全部记录', actions: ['view'] };
  problems.push(...(await check('POST', `${p}/access-requests`, `${c}/access-requests`, 'xlt.officer1', access)));
  expect(problems).toEqual([]);
});

it('answers the service of a decision, its attempt and outcome as documented', async () => {
  const problems: string[] = [];
  const caseId = await approvedCase(problems);
  const c = `/api/v1/cases/${caseId}`;
  const p = '/api/v1/cases/{id}';
  problems.push(...(await check('POST', `${p}/decision`, `${c}/decision`, 'xlt.officer1', decisionOf(caseId, false))));
  const officer = await token('xlt.officer1');
  const [pending] = await eventually(async () => {
    const list = (await sys.call('GET', `${c}/services`, { token: officer })).body.items;
    return list.length ? list : undefined;
  });
  const now = new Date().toISOString();
  const address = { address: '兴隆台区某街 1 号', email: 'party@example.cn', electronicConsent: true, confirmedAt: now, signedBy: '王五' };
  problems.push(...(await check('POST', `${p}/service-address`, `${c}/service-address`, 'xlt.officer1', address)));
  const s = `${p}/services/{serviceId}`;
  problems.push(
    ...(await check('POST', `${s}/attempts`, `${c}/services/${pending.id}/attempts`, 'xlt.officer1', { method: 'direct', startedAt: now })),
  );
  const served = { outcome: 'served', at: new Date().toISOString(), receipt: { signedBy: '王五', receiptNumber: 'SD-1' } };
  problems.push(...(await check('POST', `${s}/outcome`, `${c}/services/${pending.id}/outcome`, 'xlt.officer1', served)));
  problems.push(...(await check('GET', `${p}/services`, `${c}/services`, 'xlt.officer1')));
  expect(problems).toEqual([]);
});

it('answers a case operation as documented', async () => {
  const caseId = await sys.filedCase('xlt');
  const c = `/api/v1/cases/${caseId}`;
  const problems = await check('POST', '/api/v1/cases/{id}/operations', `${c}/operations`, 'xlt.officer1', {
    kind: 'suspension',
    reason: '当事人下落不明',
  });
  problems.push(...(await check('GET', '/api/v1/cases/{id}/operations', `${c}/operations`, 'xlt.officer1')));
  expect(problems).toEqual([]);
});

it('answers an on-the-spot decision as documented', async () => {
  const body = summaryBody();
  expect(await check('POST', '/api/v1/summary-cases', '/api/v1/summary-cases', 'xlt.officer1', body)).toEqual([]);
});
