import { createDecisionActivities } from '#activities/decision/activities';
import { createSummaryActivities } from '#activities/summary/activities';
import { randomUUID } from 'node:crypto';
import { CaseRefs } from '#api/cases/case-refs';
import { CasesRepository } from '#libs/persistence/repositories/cases.repository';
import { EvidenceRepository } from '#libs/persistence/repositories/evidence.repository';
import { chinaDate } from '#libs/calendar/dates';
import { NUMBER_SLOT, Numbering, chinaYear } from '#libs/domain/numbering';
import raw000 from '#libs/profiles/agencies/000-xinglongtai-civil-affairs.v1.json';
import { userId } from '../support/database';
import { summaryBody } from '../support/summary-body';
import { TestSystem } from '../support/system';

// 文号: a decision's, given in the transaction that records it; or typed, where the agency numbers by hand.
let sys: TestSystem;
const token = (u: string) => sys.token(u);
const PATTERN = '{agencyShort}罚立〔{year}〕{seq}号';

beforeAll(async () => {
  sys = await TestSystem.start();
});
afterAll(async () => {
  await sys?.stop();
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
    ids = await Promise.all([1, 2, 3, 4].map(() => sys.filedCase('hy')));
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
    const { registerSummaryCase } = createSummaryActivities(sys.database.db, sys.env.storageDir);
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
    const [seq] = await sys.database.db.query(
      `SELECT year, last FROM number_sequences WHERE agency_id = 'jinpu-ocean' AND kind = 'summary_decision'`,
    );
    expect(seq).toEqual({ year: 2027, last: 1 });
    const [entry, made] = await sys.database.db.query(`SELECT summary, details FROM case_records WHERE case_id = $1 ORDER BY seq`, [
      caseId,
    ]);
    expect(entry).toMatchObject({ summary: '当场作出处罚决定（JP简罚〔2027〕001号）', details: { documentNumber: 'JP简罚〔2027〕001号' } });
    // Its 当场行政处罚决定书 is made in the same transaction, under the number given.
    expect(made.details).toMatchObject({ kind: 'on_the_spot_decision', number: 'JP简罚〔2027〕001号' });
  });
});

describe('an agency that numbers its decisions by hand (a profile version loaded at run time)', () => {
  const path = '/api/v1/admin/agencies/xinglongtai-civil-affairs/profile';
  const version2 = (numbering: unknown) => ({ ...structuredClone(raw000), version: 2, effectiveFrom: chinaDate(new Date()), numbering });
  const { on_the_spot_collection: _, ...items } = summaryBody().items;
  const onTheSpot = (user: string, documentNumber?: string) =>
    token(user).then((t) =>
      sys.call('POST', '/api/v1/summary-cases', { token: t, body: summaryBody({ collection: undefined, items, documentNumber }) }),
    );

  beforeAll(async () => {
    const admin = await token('sys.admin');
    const bad = await sys.call('PUT', path, {
      token: admin,
      body: version2({ case: { mode: 'assigned', pattern: '兴民立〔{year}〕号' } }),
    });
    expect(bad).toMatchObject({
      status: 400,
      body: {
        code: 'PROFILE_INVALID',
        errors: [{ field: 'numbering.case.pattern', code: 'PATTERN_NO_SEQ', message: '编号规则须含序号占位符 {seq}' }],
      },
    });
    const numbering = {
      agencyShort: '兴民',
      case: { mode: 'assigned', pattern: '{agencyShort}立〔{year}〕{seq:3}号' },
      decision: { mode: 'manual' },
      summaryDecision: { mode: 'manual' },
    };
    expect((await sys.call('PUT', path, { token: admin, body: version2(numbering) })).status).toBe(201);
  });

  it('keeps the typed 文号, requires it, and refuses one another decision of the agency carries', async () => {
    const missing = await onTheSpot('xlt.officer1');
    expect(missing).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'documentNumber', code: 'REQUIRED', message: '本机关手工编号：当场行政处罚决定书文号不能为空' }],
      },
    });
    const first = await onTheSpot('xlt.officer1', '兴民简罚〔2026〕30号');
    expect(first).toMatchObject({ status: 201, body: { profileVersion: 2, decisionNumber: '兴民简罚〔2026〕30号' } });
    const again = await onTheSpot('xlt.officer2', '兴民简罚〔2026〕30号');
    expect(again).toMatchObject({
      status: 409,
      body: {
        code: 'DECISION_NUMBER_TAKEN',
        errors: [
          { field: 'documentNumber', code: 'DECISION_NUMBER_TAKEN', message: '文号「兴民简罚〔2026〕30号」已用于本机关的另一份处罚决定书' },
        ],
      },
    });
    const [row] = await sys.database.db.query(
      `SELECT count(*)::int AS n FROM number_sequences WHERE agency_id = 'xinglongtai-civil-affairs'`,
    );
    expect(row.n).toBe(0); // typed numbers take nothing from a sequence
  });

  it('numbers its cases with its own pattern and short name', async () => {
    const id = await sys.filedCase('xlt');
    const c = (await sys.call('GET', `/api/v1/cases/${id}`, { token: await token('xlt.officer1') })).body;
    expect(c.profileVersion).toBe(2);
    expect(c.caseNumber).toBe(`兴民立〔${chinaYear(c.updatedAt)}〕001号`);
  });
});
