import raw000 from './agencies/000-xinglongtai-civil-affairs.v1.json';
import raw003 from './agencies/003-pingluo-veterans.v1.json';
import { ROOT_FIELD, profileFieldErrors, successionErrors } from '.';

type Json = Record<string, any>;
const copy = (data: unknown): Json => structuredClone(data) as Json;
const errorsOf = (edit: (d: Json) => void) => {
  const d = copy(raw003);
  edit(d);
  return profileFieldErrors(d).errors;
};
const CJK = /[\u4e00-\u9fff]/;

// A profile loaded through the API is refused with every problem at once, each on its JSON path with a
// stable code and a Chinese message (the API's field errors), so an administrator corrects it in one go.
describe('profile document → API field errors', () => {
  it('a valid document has none', () => {
    const r = profileFieldErrors(copy(raw003));
    expect(r.errors).toEqual([]);
    expect(r.profile?.id).toBe('pingluo-veterans');
  });

  it('maps each kind of zod issue to its code, on its JSON path, in Chinese', () => {
    const errors = errorsOf((d) => {
      d.id = 'Pingluo Veterans';
      d.code = 'PL';
      d.version = 0;
      d.effectiveFrom = '2026-02-30';
      d.name = 5;
      delete d.initiation.emergencyStart.source;
      d.initiation.approver.deputy = '副局长';
      d.initiation.emergencyStart.allowed = 'yes';
      d.archiving.deadline.period = { amount: 0, unit: 'week' };
      d.archiving.custodian.source.article = '10';
      d.execution.noNightOrHolidayEnforcement.nightFromHour = 30;
      d.execution.surcharge.dailyRatePercent = -1;
      d.actsCovered.kinds = [];
      d.regulation.title = '';
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'id', code: 'NOT_AGENCY_ID', message: expect.stringContaining('小写字母') },
        { field: 'code', code: 'NOT_AGENCY_CODE', message: '须为 2 至 6 个小写英文字母' },
        { field: 'version', code: 'OUT_OF_RANGE', message: '不能小于 1' },
        { field: 'effectiveFrom', code: 'NOT_DATE', message: '不是有效的日历日期' },
        { field: 'name', code: 'WRONG_TYPE', message: '应为文本' },
        { field: 'initiation.approver.deputy', code: 'UNKNOWN_FIELD', message: expect.stringContaining('不允许的字段') },
        { field: 'initiation.emergencyStart.allowed', code: 'NOT_ALLOWED', message: '取值须为 true、false 之一' },
        { field: 'archiving.deadline.period.amount', code: 'OUT_OF_RANGE', message: '须大于 0' },
        { field: 'archiving.deadline.period.unit', code: 'NOT_ALLOWED', message: '取值须为 "hour"、"day"、"workday"、"month" 之一' },
        { field: 'archiving.custodian.source.article', code: 'NOT_ARTICLE', message: '须以“第…条”开头' },
        { field: 'execution.noNightOrHolidayEnforcement.nightFromHour', code: 'OUT_OF_RANGE', message: '不能大于 23' },
        { field: 'execution.surcharge.dailyRatePercent', code: 'OUT_OF_RANGE', message: '须大于 0' },
        { field: 'regulation.title', code: 'TOO_SHORT', message: '不能为空文本' },
      ]),
    );
    // Every error at once, each message in Chinese, none twice.
    expect(errors.length).toBeGreaterThanOrEqual(13);
    for (const e of errors) expect(e.message).toMatch(CJK);
    expect(new Set(errors.map((e) => `${e.field} ${e.code}`)).size).toBe(errors.length);
  });

  it('names a missing field, a missing source and a wrong type inside a list by its index', () => {
    const errors = errorsOf((d) => {
      delete d.name;
      delete d.archiving.deadline.source;
      d.investigation.audiovisual.metadata[1].source = { law: '行政处罚法' };
      d.archiving.deadline.period.amount = 1.5;
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'REQUIRED', message: '缺少必填字段' },
        { field: 'archiving.deadline.source', code: 'REQUIRED', message: '缺少必填字段' },
        { field: 'archiving.deadline.period.amount', code: 'WRONG_TYPE', message: '应为整数' },
        // The closest kind of source (national law) says what it lacks.
        { field: 'investigation.audiovisual.metadata[1].source.article', code: 'REQUIRED', message: '缺少必填字段' },
        { field: 'investigation.audiovisual.metadata[1].source.nationalDefault', code: expect.any(String), message: expect.any(String) },
      ]),
    );
  });

  it('reports the cross-field rules together with the others, not only once the shape is right', () => {
    const errors = errorsOf((d) => {
      delete d.name;
      d.archiving.custodian.source.seed = '004';
      d.regulation.seed = '3';
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', code: 'REQUIRED', message: '缺少必填字段' },
        { field: 'regulation.seed', code: 'NOT_SEED', message: '须为三位数字（如 005）' },
        { field: 'archiving.custodian.source.seed', code: 'SEED_MISMATCH', message: expect.stringContaining('种子 004') },
      ]),
    );
  });

  it('a document that is not an object is one error on the root', () => {
    expect(profileFieldErrors([1, 2]).errors).toEqual([{ field: ROOT_FIELD, code: 'WRONG_TYPE', message: '应为对象' }]);
    expect(profileFieldErrors(undefined).errors).toEqual([{ field: ROOT_FIELD, code: 'REQUIRED', message: '缺少必填字段' }]);
  });

  it('takes a new agency with a seed of its own (three digits)', () => {
    const d = JSON.parse(JSON.stringify(raw000).replace(/"seed":"000"/g, '"seed":"005"'));
    Object.assign(d, { id: 'dalian-ocean', code: 'dlo', name: '大连市海洋局' });
    expect(profileFieldErrors(d).errors).toEqual([]);
  });
});

describe('a profile as the next version of its agency (successionErrors)', () => {
  const latest = profileFieldErrors(copy(raw003)).profile!;
  const today = '2026-12-06';

  it('a new agency: version 1, any effective date, its own code', () => {
    const p = { ...latest, id: 'new-agency', code: 'new', effectiveFrom: '2020-01-01' };
    expect(successionErrors(p, { agencyId: 'new-agency', today })).toEqual([]);
  });

  it('refuses every problem at once: another id, a version not next, a code taken, changed or a past date', () => {
    const p = {
      ...latest,
      id: 'other',
      version: 3,
      code: 'xlt',
      effectiveFrom: '2026-12-05',
      regulation: { ...latest.regulation, seed: '009' },
    };
    const errors = successionErrors(p, {
      agencyId: 'pingluo-veterans',
      latest,
      codeOwner: { id: 'xinglongtai-civil-affairs', name: '兴隆台区民政局' },
      today,
    });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['id', 'ID_MISMATCH'],
      ['version', 'VERSION_NOT_NEXT'],
      ['code', 'CODE_TAKEN'],
      ['code', 'CODE_CHANGED'],
      ['regulation.seed', 'SEED_CHANGED'],
      ['effectiveFrom', 'EFFECTIVE_FROM_PAST'],
    ]);
    expect(errors[1].message).toBe('版本号应为 2（当前最新版本为 1）');
    for (const e of errors) expect(e.message).toMatch(CJK);
  });

  it('a next version from today on is accepted', () => {
    expect(successionErrors({ ...latest, version: 2, effectiveFrom: today }, { agencyId: latest.id, latest, today })).toEqual([]);
  });
});
