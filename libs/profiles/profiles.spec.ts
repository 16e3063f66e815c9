import { AGENCIES, AgencyProfile, PROFILES, findProfile } from '.';

const bySeed = (f: (p: AgencyProfile) => unknown) => Object.fromEntries(PROFILES.map((p) => [p.regulation.seed, f(p)]));

describe('agency profiles (seed-profiles.md)', () => {
  it('has the five agencies of the seeds in seed order, each with a unique id and code, kept from before', () => {
    expect(PROFILES.map((p) => p.regulation.seed)).toEqual(['000', '001', '002', '003', '004']);
    expect(PROFILES.map((p) => [p.id, p.code])).toEqual([
      ['xinglongtai-civil-affairs', 'xlt'],
      ['xinxiang-town', 'xx'],
      ['huayin-housing', 'hy'],
      ['pingluo-veterans', 'pl'],
      ['jinpu-ocean', 'jp'],
    ]);
    expect(new Set(PROFILES.map((p) => p.id)).size).toBe(5);
    expect(new Set(PROFILES.map((p) => p.code)).size).toBe(5);
    expect(AGENCIES).toEqual(PROFILES); // one version each so far
  });

  it('dates 001 by its notice (新乡府发〔2024〕52号, 2024-10-15); the others, undated, say so in notes', () => {
    expect(bySeed((p) => p.effectiveFrom)).toEqual({
      '000': '2020-01-01',
      '001': '2024-10-15',
      '002': '2020-01-01',
      '003': '2020-01-01',
      '004': '2020-01-01',
    });
    const xx = findProfile('xinxiang-town')!;
    expect(xx.regulation).toMatchObject({ documentNumber: '新乡府发〔2024〕52号', issuedOn: '2024-10-15' });
    for (const p of PROFILES.filter((p) => p.effectiveFrom === '2020-01-01')) {
      expect(p.notes?.join('')).toMatch(/未载明印发日期/);
    }
  });

  it('allows emergency start with a 24-hour back-report exactly where the regulation does (000 第六条, 002 第九条, 004 第十条)', () => {
    expect(bySeed((p) => (p.initiation.emergencyStart.allowed ? p.initiation.emergencyStart.backReport : null))).toEqual({
      '000': { amount: 24, unit: 'hour' },
      '001': null,
      '002': { amount: 24, unit: 'hour' },
      '003': null,
      '004': { amount: 24, unit: 'hour' },
    });
  });

  it('refuses emergency start for 001, citing its own regulation (第七条第一款: the chief’s opinion comes first)', () => {
    const { emergencyStart } = findProfile('xinxiang-town')!.initiation;
    expect(emergencyStart.allowed).toBe(false);
    expect(emergencyStart.source).toMatchObject({ seed: '001', article: '第七条第一款' });
  });

  it('names the ex officio approver as each regulation does; 003 is silent and says so (national, to be checked)', () => {
    expect(bySeed((p) => p.initiation.approver.title)).toEqual({
      '000': '局长',
      '001': '行政机关负责人',
      '002': '本机关负责人',
      '003': '行政机关负责人',
      '004': '本单位负责人',
    });
    expect(findProfile('pingluo-veterans')!.initiation.approver.source).toMatchObject({ nationalDefault: true, check: true });
  });

  it('tells a declined real-name complainant where the regulation says so, and the ex officio party only in 001', () => {
    expect(bySeed((p) => [p.initiation.declineNotice.realNameComplainant, p.initiation.declineNotice.exOfficioParty])).toEqual({
      '000': [true, false],
      '001': [true, true],
      '002': [true, false],
      '003': [false, false],
      '004': [true, false],
    });
  });

  it('gives every applicant the one-time supplement notice within 5 working days (行政许可法 第三十二条, 第八十二条)', () => {
    for (const p of PROFILES) {
      expect(p.initiation.applicationAcceptance.period).toEqual({ amount: 5, unit: 'workday' });
      expect(p.initiation.applicationAcceptance.source).toMatchObject({ law: '中华人民共和国行政许可法', nationalDefault: true });
    }
  });

  it('tells the rights each regulation lists', () => {
    expect(bySeed((p) => p.investigation.rightsTold.rights)).toEqual({
      '000': ['statement', 'defence'],
      '001': ['statement', 'defence', 'hearing'],
      '002': ['statement', 'defence', 'recusal', 'hearing'],
      '003': ['statement', 'defence', 'recusal', 'hearing'],
      '004': ['statement', 'defence', 'recusal', 'hearing', 'review', 'lawsuit'],
    });
  });

  it('records officers’ names and certificates in 002, 003, 004 (party signs in 002, 004); two officers everywhere (行政处罚法 第四十二条)', () => {
    expect(
      bySeed((p) => [p.investigation.officers.identityRecorded.inTranscript, p.investigation.officers.identityRecorded.partySigns]),
    ).toEqual({
      '000': [false, false],
      '001': [false, false],
      '002': [true, true],
      '003': [true, false],
      '004': [true, true],
    });
    for (const p of PROFILES) expect(p.investigation.officers.minimum.count).toBe(2);
  });

  it('archives within 30 days (001: from the end of execution; 003: 20 days)', () => {
    expect(bySeed((p) => [p.archiving.deadline.period, p.archiving.deadline.startsAt])).toEqual({
      '000': [{ amount: 30, unit: 'day' }, 'enforcement_act_ended'],
      '001': [{ amount: 30, unit: 'day' }, 'execution_ended'],
      '002': [{ amount: 30, unit: 'day' }, 'enforcement_act_ended'],
      '003': [{ amount: 20, unit: 'day' }, 'enforcement_act_ended'],
      '004': [{ amount: 30, unit: 'day' }, 'enforcement_act_ended'],
    });
    expect(findProfile('pingluo-veterans')!.archiving.fields?.fields).toEqual([
      'archive_number',
      'category',
      'retention_period',
      'start_date',
      'end_date',
    ]);
  });

  it('lets the party see the records per 政府信息公开条例 (000, 004 + 辽宁省行政执法程序规定) or with the chief’s consent (001, 002, 003)', () => {
    expect(
      bySeed((p) =>
        p.archiving.partyAccess.rule === 'per_regulations' ? p.archiving.partyAccess.regulations : p.archiving.partyAccess.rule,
      ),
    ).toEqual({
      '000': ['中华人民共和国政府信息公开条例'],
      '001': 'chief_consent',
      '002': 'chief_consent',
      '003': 'chief_consent',
      '004': ['中华人民共和国政府信息公开条例', '辽宁省行政执法程序规定'],
    });
  });

  it('lists accountability where the regulation does: 5 items (000), 5 + evaluation (002), 4 (004)', () => {
    expect(bySeed((p) => [p.archiving.accountability?.items.length ?? null, !!p.archiving.accountability?.evaluation])).toEqual({
      '000': [5, false],
      '001': [null, false],
      '002': [5, true],
      '003': [null, false],
      '004': [4, false],
    });
  });

  it('serves the demand notice before what each regulation says (003 silent: 行政强制法 第三十五条, 第五十四条)', () => {
    expect(bySeed((p) => p.execution.demandNotice.before)).toEqual({
      '000': ['compulsory_execution_decision', 'court_application'],
      '001': ['compulsory_execution_decision'],
      '002': ['compulsory_execution_decision', 'court_application'],
      '003': ['compulsory_execution_decision', 'court_application'],
      '004': ['court_application'],
    });
    expect(findProfile('pingluo-veterans')!.execution.demandNotice.source).toMatchObject({
      law: '中华人民共和国行政强制法',
      nationalDefault: true,
    });
  });

  it('records the decision as each regulation asks (legal review, chief approval, discretion, chain, summary items)', () => {
    expect(bySeed((p) => p.decision.legalReview.recordedFields?.fields ?? null)).toEqual({
      '000': null,
      '001': ['reviewer', 'opinion'],
      '002': ['reviewer', 'opinion', 'suggestions'],
      '003': ['opinion'],
      '004': ['reviewer', 'opinion', 'suggestions'],
    });
    expect(bySeed((p) => p.decision.chiefApproval.fields)).toEqual({
      '000': ['opinion', 'signature'],
      '001': ['opinion', 'signed_at'],
      '002': ['opinion', 'signature'],
      '003': ['opinion'],
      '004': ['opinion', 'signature', 'signed_at'],
    });
    expect(bySeed((p) => !!p.decision.discretionBenchmark)).toEqual({
      '000': false,
      '001': false,
      '002': false,
      '003': true,
      '004': false,
    });
    expect(bySeed((p) => p.decision.internalChain?.roles ?? null)).toMatchObject({ '000': null, '002': ['officer', 'unit_head', 'chief'] });
    expect(bySeed((p) => p.decision.summaryProcedure.recordItems?.items.length ?? null)).toEqual({
      '000': 7,
      '001': null,
      '002': null,
      '003': null,
      '004': 7,
    });
    expect(bySeed((p) => !!p.service.addressConfirmation)).toEqual({ '000': false, '001': false, '002': false, '003': false, '004': true });
  });
});
