import { TestSystem } from '../support/system';

// The same Idempotency-Key and body replays the first answer; the same key with another
// body is 422; fifty concurrent completions of one task: exactly one wins, the record has one entry.
let sys: TestSystem;

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

const CASE = {
  source: 'ex_officio',
  reason: '检查发现涉嫌违法行为',
  caseSource: '日常检查',
  facts: '事实',
  parties: [{ kind: 'person', name: '王五' }],
  handlerOpinion: '建议立案',
};

it('replays the first answer for the same key and body, refuses the key for another body, keeps keys per user', async () => {
  const officer = await sys.token('jp.officer1');
  const headers = { 'idempotency-key': 'start-2026-0001' };
  const first = await sys.call('POST', '/api/v1/cases', { token: officer, body: CASE, headers });
  const again = await sys.call('POST', '/api/v1/cases', { token: officer, body: CASE, headers });
  expect(first.status).toBe(201);
  expect(again).toEqual(first);
  const other = await sys.call('POST', '/api/v1/cases', { token: officer, body: { ...CASE, facts: '另一事实' }, headers });
  expect(other).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  const colleague = await sys.call('POST', '/api/v1/cases', { token: await sys.token('jp.officer2'), body: CASE, headers });
  expect(colleague.status).toBe(201);
  expect(colleague.body.id).not.toBe(first.body.id);
  const cases = await sys.call('GET', '/api/v1/cases', { token: officer });
  expect(cases.body.total).toBe(2);
});

it('fifty concurrent completions of one task: exactly one wins and the record has one entry for it', async () => {
  const c = await sys.call('POST', '/api/v1/cases', { token: await sys.token('jp.officer1'), body: CASE });
  const unitHead = await sys.token('jp.unithead');
  const [task] = (await sys.call('GET', `/api/v1/tasks?caseId=${c.body.id}`, { token: unitHead })).body.items;
  // An overloaded Temporal (the whole suite on 2 cores) may abort an Update while its workflow task is
  // retried: the API answers 503 TEMPORAL_UNAVAILABLE with Retry-After, and the person sends it again.
  const complete = async (i: number) => {
    for (let attempt = 1; ; attempt++) {
      const a = await sys.call('POST', `/api/v1/tasks/${task.id}/completion`, {
        token: unitHead,
        body: { decision: 'agree', opinion: `同意（第${i + 1}次）` },
      });
      if (a.status !== 503 || a.body.code !== 'TEMPORAL_UNAVAILABLE' || attempt === 5) return a;
    }
  };
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => complete(i)));
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s !== 200).every((s) => s === 409)).toBe(true);
  expect(answers.some((a) => a.status >= 500)).toBe(false);
  const [{ count }] = await sys.database.db.query(
    `SELECT count(*)::int AS count FROM case_records WHERE case_id = $1 AND action = 'task_completed' AND details->>'taskId' = $2`,
    [c.body.id, task.id],
  );
  expect(count).toBe(1);
});
