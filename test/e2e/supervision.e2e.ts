import { TestWorkflowEnvironment } from '@temporalio/testing';
import { eventually } from '../support/database';
import { TestSystem, dueCsvLine } from '../support/system';

// The supervisor sees a legal review that ran late — escalated by the workflow's own
// timer, listed with its days late, and exported as the same rows — without opening the case.
// The whole stack runs on Temporal's time-skipping server so that the 5 working days pass at once.
let env: TestWorkflowEnvironment;
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  const path = process.env.LAWTRAIL_TEST_SERVER_PATH;
  env = await TestWorkflowEnvironment.createTimeSkipping(path ? { server: { executable: { type: 'existing-path', path } } } : {});
  sys = await TestSystem.start({ temporalAddress: env.address });
});
afterAll(async () => {
  await sys?.stop();
  await env?.teardown();
});

it('lists a late legal review on the overdue list, escalated once, and the CSV export holds the same rows', async () => {
  const caseId = await sys.filedCase('hy');
  const evidenceId = await sys.evidenceRecord(caseId, 'hy');
  const drafted = await sys.call('POST', `/api/v1/cases/${caseId}/draft-decision`, {
    token: await token('hy.officer1'),
    body: {
      facts: '未取得施工许可证擅自施工',
      evidenceIds: [evidenceId],
      legalBasis: '《建筑法》第六十四条',
      penalties: [{ kind: 'fine', amountYuan: 5000 }],
      opinion: '建议罚款五千元',
      factors: '初次违法',
      findings: ['major_public_interest'],
    },
  });
  expect(drafted.status).toBe(200);
  expect((await sys.completeTask(caseId, 'hy.unithead', { decision: 'agree', opinion: '同意' })).status).toBe(200);
  const legal = await token('hy.legal');
  const task = await eventually(
    async () => (await sys.call('GET', `/api/v1/tasks?caseId=${caseId}&kind=legal_review`, { token: legal })).body.items[0],
  );
  expect(task.dueAt).toEqual(expect.any(String));

  // Ten days on: the 5 working days of legal review (profile) ran out while nobody watched.
  await env.sleep(10 * DAY);
  const asOf = new Date(await env.currentTimeMs()).toISOString();
  const escalations = await eventually(async () => {
    const rows = await sys.database.db.query(`SELECT kind FROM escalations WHERE case_id = $1 ORDER BY escalated_at`, [caseId]);
    return rows.length ? rows.map((r: { kind: string }) => r.kind) : undefined;
  });
  // Escalated at the due time, then up the profile's ladder as far as the days reached, each once.
  expect(['legal_review_overdue', 'escalated_to_chief', 'escalated_to_supervisor'].slice(0, escalations.length)).toEqual(escalations);

  const supervisor = await token('hy.supervisor');
  const query = `state=overdue&kind=task:legal_review&asOf=${encodeURIComponent(asOf)}`;
  const list = await sys.call('GET', `/api/v1/supervision/due?${query}`, { token: supervisor });
  expect(list.status).toBe(200);
  const late = list.body.items.filter((i: { caseId: string }) => i.caseId === caseId);
  const daysLate = Math.floor((Date.parse(asOf) - Date.parse(task.dueAt)) / DAY);
  expect(daysLate).toBeGreaterThanOrEqual(1);
  expect(late).toEqual([
    expect.objectContaining({
      kind: 'task:legal_review',
      kindLabel: '法制审核',
      caseNumber: expect.stringMatching(/^HY罚立〔\d{4}〕\d+号$/), // the filed case's 案号
      dueAt: task.dueAt,
      daysLate,
      stage: 'decision',
      role: 'legal_reviewer',
    }),
  ]);
  // Measured now instead (real time), the same review is not late yet: lateness is as of the instant asked.
  expect(
    (await sys.call('GET', `/api/v1/supervision/due?state=overdue&kind=task:legal_review`, { token: supervisor })).body.items.filter(
      (i: { caseId: string }) => i.caseId === caseId,
    ),
  ).toEqual([]);

  const { lines } = await sys.dueCsv(query, 'hy.supervisor');
  expect(lines.slice(1)).toEqual(list.body.items.map(dueCsvLine));
  expect(lines.slice(1).some((l) => l.startsWith(`${caseId},${late[0].caseNumber},法制审核,${task.dueAt},${daysLate},`))).toBe(true);
});
