import { ApiException } from '../common/api.exception';
import { validationPipe } from '../common/validation';
import { StartCaseDto } from './initiation.dto';

const valid = {
  source: 'ex_officio',
  reason: '日常检查发现问题',
  caseSource: '日常检查',
  facts: '案情',
  parties: [{ kind: 'person', name: '张三' }],
  handlerOpinion: '建议启动',
};

async function errorsOf(body: unknown) {
  try {
    await validationPipe().transform(body, { type: 'body', metatype: StartCaseDto });
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ApiException);
    return (e as ApiException).fields!.map((f) => `${f.field}:${f.code}:${f.message}`);
  }
}

describe('程序启动审批表 validation', () => {
  it('accepts a complete ex officio form', async () => {
    expect(await errorsOf(valid)).toEqual([]);
  });

  it('names each missing field once, in Chinese', async () => {
    expect(await errorsOf({ source: 'ex_officio' })).toEqual([
      'reason:REQUIRED:启动原因不能为空',
      'caseSource:REQUIRED:案件来源不能为空',
      'facts:REQUIRED:基本案情不能为空',
      'parties:REQUIRED:当事人基本情况不能为空',
      'handlerOpinion:REQUIRED:承办人意见不能为空',
    ]);
  });

  it('requires the complainant and the complaint for a complaint, and names for a real-name one', async () => {
    const errors = await errorsOf({ ...valid, source: 'complaint', complainant: { realName: true } });
    expect(errors).toEqual(
      expect.arrayContaining([
        'complainant.name:REQUIRED:投诉举报人姓名不能为空',
        'complainant.contact:REQUIRED:投诉举报人联系方式不能为空',
        'complaintContent:REQUIRED:投诉举报内容不能为空',
      ]),
    );
    expect(await errorsOf({ ...valid, source: 'complaint', complainant: { realName: false }, complaintContent: '匿名举报' })).toEqual([]);
  });

  it('requires the registered application for an application', async () => {
    expect(await errorsOf({ ...valid, source: 'application' })).toEqual(['application:REQUIRED:申请情况不能为空']);
    const application = { form: 'oral', receivedAt: '2026-11-23T09:00:00+08:00', matter: '申请事项' };
    expect(await errorsOf({ ...valid, source: 'application', application })).toEqual([]);
    expect(await errorsOf({ ...valid, source: 'application', application: { ...application, receivedAt: '昨天' } })).toEqual([
      'application.receivedAt:NOT_DATETIME:申请登记时间必须是带时区的 ISO 8601 时间',
    ]);
  });

  it('refuses fields a client may not set, and over-long text', async () => {
    expect(await errorsOf({ ...valid, status: 'initiated' })).toEqual(['status:UNKNOWN_FIELD:不允许提交该字段']);
    expect(await errorsOf({ ...valid, reason: '长'.repeat(2001) })).toEqual(['reason:TOO_LONG:启动原因不能超过2000个字符']);
  });
});
