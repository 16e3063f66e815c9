import { archiveBody, archiveErrors, archiveFields, type ArchiveForm } from './archive';
import { chainRules } from './completion';

const form = (over: Partial<ArchiveForm> = {}): ArchiveForm => ({
  archiveNumber: '',
  category: '行政处罚',
  retentionPeriod: '',
  startDate: '2026-03-01',
  endDate: '',
  location: '档案室 3 号柜',
  incompleteReason: ' ',
  ...over,
});

describe('the 归档 form', () => {
  it("takes the archive fields the agency's profile lists, and none where it lists none", () => {
    expect(
      archiveFields({ fields: { fields: ['archive_number', 'category', 'retention_period', 'start_date', 'end_date'] } }),
    ).toHaveLength(5);
    expect(archiveFields({ deadline: {} })).toEqual([]);
    expect(chainRules(undefined, { fields: { fields: ['category'] } }).archiveFields).toEqual(['category']);
  });

  it('sends the fields filled in and leaves the empty ones out', () => {
    expect(archiveBody(form())).toEqual({
      archiveNumber: undefined,
      category: '行政处罚',
      retentionPeriod: undefined,
      startDate: '2026-03-01',
      endDate: undefined,
      location: '档案室 3 号柜',
      incompleteReason: undefined,
    });
  });

  it("shows the completeness check's refusal next to the reason, and each listed field left empty next to it", () => {
    const incomplete = archiveErrors({ code: 'ARCHIVE_INCOMPLETE', message: '案卷缺少：送达回证；须补齐或说明原因后方可归档' }, [], form());
    expect(incomplete).toEqual({ fields: { incompleteReason: '案卷缺少：送达回证；须补齐或说明原因后方可归档' }, message: null });
    const missing = archiveErrors(
      { code: 'ARCHIVE_FIELD_MISSING', message: '须填写：归档编号、保管期限' },
      ['archive_number', 'category', 'retention_period'],
      form(),
    );
    expect(missing.fields).toEqual({ archiveNumber: '本机关规定须填写归档编号', retentionPeriod: '本机关规定须填写保管期限' });
    const field = archiveErrors(
      {
        code: 'VALIDATION_FAILED',
        message: '请求参数有误',
        errors: [{ field: 'location', code: 'REQUIRED', message: '存放位置不能为空' }],
      },
      [],
      form(),
    );
    expect(field.fields).toEqual({ location: '存放位置不能为空' });
  });
});
