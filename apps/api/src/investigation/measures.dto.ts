import { MEASURE_DECISIONS, MEASURE_KINDS, MeasureDecision, MeasureKind } from '#libs/messages/investigation';
import { ValidateIf } from 'class-validator';
import { BoolField, DateTimeField, EnumField, NestedField, TextField, UuidField } from '../common/fields';

/** 行政强制法 20(一): the family told on the spot or at once: who, when, how. */
export class FamilyNotifiedDto {
  @TextField('通知方式', 100) method: string;
  @DateTimeField('通知时间') at: string;
  @TextField('被通知的家属', 200) recipient: string;
}

export class TakeMeasureDto {
  @EnumField('强制措施种类', MEASURE_KINDS) kind: MeasureKind;
  @TextField('查封、扣押或冻结的对象', 2000) object: string;
  @DateTimeField('实施时间') takenAt: string;
  @UuidField('对应的文字记录', { optional: true }) recordId?: string;
  /** Taken on the spot in an emergency, before the chief approved (行政强制法 19). */
  @BoolField('情况紧急当场实施', { optional: true }) emergency?: boolean;
  @ValidateIf((o: TakeMeasureDto) => o.kind === 'restrict')
  @NestedField('通知家属情况', () => FamilyNotifiedDto, { requiredWhen: '限制人身自由（kind 为 restrict）' })
  familyNotified?: FamilyNotifiedDto;
}

export class PauseMeasureDto {
  @DateTimeField('中止计算时间') at: string;
  @TextField('中止原因（检测、检验、检疫或者技术鉴定）', 500) reason: string;
}

export class ResumeMeasureDto {
  @DateTimeField('恢复计算时间') at: string;
}

export class ExtensionRequestDto {
  @TextField('申请延长的理由', 2000) reason: string;
}

export class MeasureDecisionDto {
  @EnumField('处理决定', MEASURE_DECISIONS) decision: MeasureDecision;
  @TextField('处理决定内容', 5000) content: string;
}
