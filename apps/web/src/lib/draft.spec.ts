import { draftBody, draftErrors, draftFields, emptyDraft, emptyPenalty, needsAmount, type DraftForm } from './draft';

const EVIDENCE = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

const filled = (over: Partial<DraftForm> = {}): DraftForm => ({
  ...emptyDraft(),
  facts: '未按规定公示',
  evidenceIds: [EVIDENCE],
  legalBasis: '某条例第十条',
  penalties: [{ kind: 'fine', amountYuan: 2000, description: '' }],
  opinion: '建议罚款',
  factors: '初次违法',
  ...over,
});

describe('the draft decision form', () => {
  it('asks the amount of a fine and a confiscation only', () => {
    expect(needsAmount('fine')).toBe(true);
    expect(needsAmount('confiscation')).toBe(true);
    expect(needsAmount('warning')).toBe(false);
    expect(needsAmount('')).toBe(false);
  });

  it('sends every field of the draft, leaving out untouched penalty rows and an empty note', () => {
    const body = draftBody(filled({ penalties: [emptyPenalty(), { kind: 'warning', amountYuan: undefined, description: ' ' }] }), false);
    expect(body).toEqual({
      facts: '未按规定公示',
      evidenceIds: [EVIDENCE],
      legalBasis: '某条例第十条',
      penalties: [{ kind: 'warning', amountYuan: undefined, description: undefined }],
      opinion: '建议罚款',
      factors: '初次违法',
      discretion: undefined,
      findings: undefined,
    });
  });

  it('sends the discretion benchmark when the profile requires it (even empty, for the API to name it) or when written', () => {
    expect(draftBody(filled(), true).discretion).toEqual({ benchmark: '', application: '' });
    expect(draftBody(filled({ discretion: { benchmark: '基准A', application: '' } }), false).discretion).toEqual({
      benchmark: '基准A',
      application: '',
    });
    expect(draftBody(filled({ findings: ['serious_violation'] }), false).findings).toEqual(['serious_violation']);
  });

  it("puts a penalty row's error next to that row, counted among the rows the form shows", () => {
    const form = filled({ penalties: [emptyPenalty(), { kind: 'fine', amountYuan: undefined, description: '' }] });
    const errors = draftErrors(
      {
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        errors: [
          { field: 'penalties[0].amountYuan', code: 'REQUIRED', message: '金额（元）不能为空' },
          { field: 'evidenceIds[1]', code: 'EVIDENCE_NOT_IN_CASE', message: '该证据不属于本案' },
          { field: 'discretion.application', code: 'REQUIRED', message: '裁量基准适用情况不能为空' },
        ],
      },
      form,
    );
    expect(errors).toEqual({
      fields: {
        'penalties[1].amountYuan': '金额（元）不能为空',
        evidenceIds: '该证据不属于本案',
        'discretion.application': '裁量基准适用情况不能为空',
      },
      message: null,
    });
  });

  it("shows the case's refusal of a draft without its benchmark next to the benchmark", () => {
    const errors = draftErrors({ code: 'DRAFT_DISCRETION_REQUIRED', message: '须记录行政裁量权基准适用情况' }, filled());
    expect(errors.fields['discretion.benchmark']).toBe('须记录行政裁量权基准适用情况');
    expect(errors.message).toBeNull();
  });

  it('knows the path of every field of every row', () => {
    expect(draftFields(2)).toEqual(expect.arrayContaining(['penalties[1].kind', 'penalties[1].description', 'discretion.benchmark']));
  });
});
