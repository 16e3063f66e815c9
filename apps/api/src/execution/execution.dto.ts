import { ValidateIf } from 'class-validator';
import { DateTimeField, EnumField, TextField, YuanField } from '../common/fields';

export class ExecutionQueryDto {
  @DateTimeField('计算加处罚款的时间', { optional: true }) on?: string;
}

export class PaymentDto {
  @DateTimeField('缴纳时间') paidAt: string;
  @YuanField('缴纳金额（元）') amountYuan: number;
  @TextField('缴款票据号', 100) receipt: string;
}

const OUTCOMES = ['upheld', 'revoked', 'modified', 'withdrawn'] as const;

export class RemedyDto {
  @EnumField('救济途径', ['review', 'lawsuit']) kind: 'review' | 'lawsuit';
  @EnumField('事项', ['filed', 'ended']) event: 'filed' | 'ended';
  @DateTimeField('时间') at: string;
  @ValidateIf((r: RemedyDto) => r.event === 'ended')
  @EnumField('结果', OUTCOMES, { requiredWhen: '事项为救济结束（ended）' })
  outcome?: (typeof OUTCOMES)[number];
}

export class DemandNoticeDto {
  @TextField('催告书内容（履行义务的期限、方式，金钱给付的金额和给付方式，当事人依法享有的陈述权和申辩权）', 20000) content: string;
}

export class DemandStatementDto {
  @DateTimeField('收到时间') receivedAt: string;
  @TextField('陈述、申辩内容', 20000) content: string;
}

export class CourtApplicationDto {
  @DateTimeField('申请时间') appliedAt: string;
  @TextField('受理法院', 200) court: string;
}

export class CourtResultDto {
  @EnumField('裁定', ['enforce', 'reject']) ruling: 'enforce' | 'reject';
  @TextField('裁定及执行结果', 20000) content: string;
  @DateTimeField('时间') at: string;
}

/** 强制执行决定 (行政强制法 37): the measure and when it will be carried out (not at night or on a holiday unless urgent, 43). */
export class CompulsoryExecutionDto {
  @DateTimeField('决定时间') decidedAt: string;
  @DateTimeField('实施时间') scheduledAt: string;
  @TextField('强制执行方式', 2000) measure: string;
  @TextField('情况紧急的理由', 2000, { optional: true }) urgentReason?: string;
}

export class CompulsoryResultDto {
  @TextField('强制执行实施情况', 20000) content: string;
  @DateTimeField('实施完毕时间') at: string;
}
