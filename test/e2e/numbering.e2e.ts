import { createDecisionActivities } from '#activities/decision/activities';
import { createInitiationActivities } from '#activities/initiation/activities';
import { createSummaryActivities } from '#activities/summary/activities';
import { randomUUID } from 'node:crypto';
import { CaseRefs } from '#api/cases/case-refs';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { NUMBER_SLOT, Numbering, chinaYear, parseNumber } from '#libs/domain/numbering';
import { eventually, userId } from '../support/database';
import { EX_OFFICIO_CASE } from '../support/forms';
import { TestSystem } from '../support/system';

// 案号: given at filing (立案), in the filing's own transaction, 1, 2, 3 … per agency, kind and China year.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const PATTERN = '{agencyShort}罚立〔{year}〕{seq}号';

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
});

/** Completes, as `user`, the one open task of each case, all at once. */
async function completeAll(caseIds: string[], user: string, decision: string): Promise<any[]> {
  const t = await token(user);
  return Promise.all(
    caseIds.map(async (id) => {
      const open = await sys.call('GET', `/api/v1/tasks?caseId=${id}`, { token: t });
      const done = await sys.call('POST', `/api/v1/tasks/${open.body.items[0].id}/completion`, {
        token: t,
        body: { decision, opinion: '同意' },
      });
      expect(done.status).toBe(200);
      return done.body.case;
    }),
  );
}

describe('50 cases filed at once', () => {
  const N = 50;
  let filed: any[];
  let wallMs: number;

  beforeAll(async () => {
    const officer = await token('hy.officer1');
    const began = performance.now();
    const started = await Promise.all(
      Array.from({ length: N }, () => sys.call('POST', '/api/v1/cases', { token: officer, body: EX_OFFICIO_CASE })),
    );
    expect(started.map((r) => r.status)).toEqual(Array(N).fill(201));
    const ids = started.map((r) => r.body.id);
    await completeAll(ids, 'hy.unithead', 'agree');
    const approving = performance.now();
    filed = await completeAll(ids, 'hy.chief', 'approve');
    wallMs = performance.now() - began;
    // Figures for the closing note: 50 starts, 50 reviews and 50 approvals (the numbered step) over HTTP, each 50 at once.
    console.log(
      `numbering: ${N} concurrent filings in ${Math.round(wallMs)} ms, the ${N} approvals in ${Math.round(performance.now() - approving)} ms`,
    );
  });

  it('numbers them 1 … 50 of the year: no gap, none twice, each unique by constraint', async () => {
    expect(filed.every((c) => c.status === 'initiated')).toBe(true);
    const parsed = filed.map((c) => parseNumber(PATTERN, 'HY', c.caseNumber));
    // Each of the China year of its filing (the approval's instant).
    expect(parsed.map((p) => p?.year)).toEqual(filed.map((c) => chinaYear(c.updatedAt)));
    // Per year (a run across midnight of 31 December starts the new year at 1): 1 … k, nothing missing or twice.
    for (const year of new Set(parsed.map((p) => p!.year))) {
      const seqs = parsed.filter((p) => p!.year === year).map((p) => p!.seq);
      expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    }
    const [row] = await sys.database.db.query(
      `SELECT sum(last)::int AS last FROM number_sequences WHERE agency_id = 'huayin-housing' AND kind = 'case'`,
    );
    expect(row.last).toBe(N);
    const [dup] = await sys.database.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT case_number)::int AS distinct FROM cases WHERE agency_id = 'huayin-housing'`,
    );
    expect(dup).toEqual({ n: N, distinct: N });
    expect(wallMs).toBeLessThan(120_000);
  });

  it('shows the number on the case, in the case list and in the filing entry of the record', async () => {
    const c = filed[0];
    const one = await sys.call('GET', `/api/v1/cases/${c.id}`, { token: await token('hy.officer1') });
    expect(one.body.caseNumber).toBe(c.caseNumber);
    const list = await sys.call('GET', '/api/v1/cases?pageSize=100', { token: await token('hy.chief') });
    expect(new Set(list.body.items.map((i: any) => i.caseNumber))).toEqual(new Set(filed.map((f) => f.caseNumber)));
    const record = await sys.call('GET', `/api/v1/cases/${c.id}/record`, { token: await token('hy.officer1') });
    const entry = record.body.items.find((e: any) => e.action === 'case_initiated');
    expect(entry.details.caseNumber).toBe(c.caseNumber);
    expect(entry.summary).toContain(`案号${c.caseNumber}`);
  });

  it('a filing retried after it committed keeps its number and takes no other', async () => {
    const c = filed[0];
    const { setCaseStatus } = createInitiationActivities(sys.database.db);
    const numbering: Numbering = {
      agencyShort: 'HY',
      rules: { case: { mode: 'assigned', pattern: PATTERN }, decision: { mode: 'manual' }, summary_decision: { mode: 'manual' } },
    };
    const entry = { key: 'concluded', actor: null, action: 'case_initiated' as const, summary: '重试' };
    await setCaseStatus({ caseId: c.id, status: 'initiated', at: c.updatedAt, entry, numbering });
    const [after] = await sys.database.db.query('SELECT case_number FROM cases WHERE id = $1', [c.id]);
    expect(after.case_number).toBe(c.caseNumber);
    const [row] = await sys.database.db.query(
      `SELECT sum(last)::int AS last FROM number_sequences WHERE agency_id = 'huayin-housing' AND kind = 'case'`,
    );
    expect(row.last).toBe(N);
  });
});

describe('cases not filed', () => {
  it('a declined start takes no number, and the next filing of the agency takes the next one', async () => {
    const officer = await token('pl.officer1');
    const declined = await sys.call('POST', '/api/v1/cases', { token: officer, body: EX_OFFICIO_CASE });
    await completeAll([declined.body.id], 'pl.unithead', 'agree');
    const [refused] = await completeAll([declined.body.id], 'pl.chief', 'reject');
    expect(refused).toMatchObject({ status: 'declined', caseNumber: null });
    const id = await sys.filedCase('pl');
    const c = await eventually(async () => (await sys.call('GET', `/api/v1/cases/${id}`, { token: officer })).body);
    expect(parseNumber(PATTERN, 'PL', c.caseNumber)).toMatchObject({ seq: 1 });
  });
});

describe('decision 文号 (行政处罚决定书), recorded by the activity that issues it', () => {
  const decided = (caseId: string, o: { documentNumber?: string; assigned?: boolean }) =>
    createDecisionActivities(sys.database.db, sys.env.storageDir).concludeDecision({
      caseId,
      at: new Date().toISOString(),
      numberedOn: '2026-12-01', // the date of the decision: its China year numbers it
      ...(o.assigned && { assign: { agencyShort: 'HY', pattern: '{agencyShort}罚决〔{year}〕{seq}号' } }),
      entry: {
        key: 'decision-issued',
        actor: null,
        action: 'decision_issued',
        summary: `录入处理决定书（${o.documentNumber ?? NUMBER_SLOT}，2026-12-01）`,
        details: { documentNumber: o.documentNumber, decidedOn: '2026-12-01' },
      },
    });
  const manual: Numbering = {
    agencyShort: 'HY',
    rules: { case: { mode: 'assigned', pattern: PATTERN }, decision: { mode: 'manual' }, summary_decision: { mode: 'manual' } },
  };
  let ids: string[];
  beforeAll(async () => {
    const rows = await sys.database.db.query(`SELECT id FROM cases WHERE agency_id = 'huayin-housing' ORDER BY case_number LIMIT 4`);
    ids = rows.map((r: { id: string }) => r.id);
  });

  it('assigned: the next number of the agency in the decision’s year, written into its entry; a retry keeps it', async () => {
    expect(await decided(ids[0], { assigned: true })).toEqual({ documentNumber: 'HY罚决〔2026〕1号' });
    expect(await decided(ids[0], { assigned: true })).toEqual({ documentNumber: 'HY罚决〔2026〕1号' });
    expect(await decided(ids[1], { assigned: true })).toEqual({ documentNumber: 'HY罚决〔2026〕2号' });
    const [seq] = await sys.database.db.query(
      `SELECT last FROM number_sequences WHERE agency_id = 'huayin-housing' AND kind = 'decision' AND year = 2026`,
    );
    expect(seq.last).toBe(2);
    const record = await sys.call('GET', `/api/v1/cases/${ids[1]}/record?pageSize=100`, { token: await token('hy.officer1') });
    const entry = record.body.items.find((e: any) => e.action === 'decision_issued');
    expect(entry).toMatchObject({
      summary: '录入处理决定书（HY罚决〔2026〕2号，2026-12-01）',
      details: { documentNumber: 'HY罚决〔2026〕2号' },
    });
    expect((await sys.call('GET', `/api/v1/cases/${ids[1]}`, { token: await token('hy.officer1') })).body.decisionNumber).toBe(
      'HY罚决〔2026〕2号',
    );
  });

  it('manual: the typed 文号 is required and must be free in the agency; the unique index stops one that raced past', async () => {
    const db = sys.database.db;
    const refs = new CaseRefs(new EvidenceRepository(db), new CasesRepository(db));
    const check = (typed?: string) => refs.decisionNumbering('huayin-housing', ids[2], manual, 'decision', typed);
    await expect(check()).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'documentNumber', code: 'REQUIRED' }] });
    await expect(check('HY罚决〔2026〕1号')).rejects.toMatchObject({
      code: 'DECISION_NUMBER_TAKEN',
      fields: [
        { field: 'documentNumber', code: 'DECISION_NUMBER_TAKEN', message: '文号「HY罚决〔2026〕1号」已用于本机关的另一份处罚决定书' },
      ],
    });
    await expect(check('华住建罚〔2026〕7号')).resolves.toBeUndefined();
    expect(await decided(ids[2], { documentNumber: '华住建罚〔2026〕7号' })).toEqual({ documentNumber: '华住建罚〔2026〕7号' });
    await expect(decided(ids[3], { documentNumber: '华住建罚〔2026〕7号' })).rejects.toThrow(/cases_decision_number_key/);
    // Typed numbers take nothing from the sequence.
    const [seq] = await db.query(`SELECT last FROM number_sequences WHERE agency_id = 'huayin-housing' AND kind = 'decision'`);
    expect(seq.last).toBe(2);
  });
});

describe('on-the-spot 文号 (当场处罚决定书), given as the case is written', () => {
  it('the next of the agency’s on-the-spot decisions of the year decided; a retried registration takes no other', async () => {
    const { registerSummaryCase } = createSummaryActivities(sys.database.db);
    const caseId = randomUUID();
    const register = async () =>
      registerSummaryCase({
        caseId,
        agencyId: 'jinpu-ocean',
        profileVersion: 1,
        officerId: await userId(sys.database.db, 'jp.officer1'),
        form: { reason: '当场处罚', caseSource: '现场执法', facts: '事实', parties: [], handlerOpinion: '警告' },
        workflowId: `summary-${caseId}`,
        at: new Date().toISOString(),
        assign: { agencyShort: 'JP', pattern: '{agencyShort}简罚〔{year}〕{seq:3}号' },
        entries: [
          {
            key: 'summary-decision',
            actor: null,
            action: 'decision_issued',
            summary: `当场作出处罚决定（${NUMBER_SLOT}）`,
            details: { decidedAt: '2026-12-31T16:30:00.000Z' }, // 1 January 2027 in Beijing
          },
        ],
      });
    expect(await register()).toEqual({ documentNumber: 'JP简罚〔2027〕001号' });
    expect(await register()).toEqual({ documentNumber: 'JP简罚〔2027〕001号' });
    const [seq] = await sys.database.db.query(`SELECT year, last FROM number_sequences WHERE agency_id = 'jinpu-ocean'`);
    expect(seq).toEqual({ year: 2027, last: 1 });
    const [entry] = await sys.database.db.query(`SELECT summary, details FROM case_records WHERE case_id = $1`, [caseId]);
    expect(entry).toMatchObject({ summary: '当场作出处罚决定（JP简罚〔2027〕001号）', details: { documentNumber: 'JP简罚〔2027〕001号' } });
  });
});
