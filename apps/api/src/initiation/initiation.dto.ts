import { ValidateIf } from 'class-validator';
import { CASE_SOURCES, CaseSource } from '#libs/domain/case';
import { BoolField, DateTimeField, EnumField, NestedField, NestedListField, TextField } from '../common/fields';

export class PartyDto {
  @EnumField('当事人类型', ['person', 'organisation']) kind: 'person' | 'organisation';
  @TextField('当事人姓名或名称', 200) name: string;
  @TextField('证件号码', 64, { optional: true }) idNumber?: string;
  @TextField('住所或地址', 500, { optional: true }) address?: string;
  @TextField('联系电话', 32, { optional: true }) phone?: string;
}

export class ComplainantDto {
  @BoolField('是否实名投诉举报') realName: boolean;
  @ValidateIf((o: ComplainantDto) => o.realName === true)
  @TextField('投诉举报人姓名', 100, { requiredWhen: '实名投诉举报' })
  name?: string;
  @ValidateIf((o: ComplainantDto) => o.realName === true)
  @TextField('投诉举报人联系方式', 100, { requiredWhen: '实名投诉举报' })
  contact?: string;
}

export class ApplicationDto {
  @EnumField('申请方式', ['written', 'oral']) form: 'written' | 'oral';
  @DateTimeField('申请登记时间') receivedAt: string;
  @TextField('申请事项', 2000) matter: string;
}

/** 程序启动审批表 as the handling officer fills it. */
export class StartCaseDto {
  @EnumField('启动方式', CASE_SOURCES) source: CaseSource;
  @BoolField('情况紧急先行启动', { optional: true }) emergency?: boolean;
  @TextField('启动原因', 2000) reason: string;
  @TextField('案件来源', 500) caseSource: string;
  @TextField('基本案情', 5000) facts: string;
  @NestedListField('当事人基本情况', () => PartyDto, 1, 50) parties: PartyDto[];
  @TextField('承办人意见', 2000) handlerOpinion: string;

  @ValidateIf((o: StartCaseDto) => o.source === 'complaint')
  @NestedField('投诉举报人', () => ComplainantDto, { requiredWhen: '启动方式为投诉、举报（complaint）' })
  complainant?: ComplainantDto;

  @ValidateIf((o: StartCaseDto) => o.source === 'complaint')
  @TextField('投诉举报内容', 5000, { requiredWhen: '启动方式为投诉、举报（complaint）' })
  complaintContent?: string;

  @ValidateIf((o: StartCaseDto) => o.source === 'application')
  @NestedField('申请情况', () => ApplicationDto, { requiredWhen: '启动方式为依申请（application）' })
  application?: ApplicationDto;
}
