import { ValidateIf } from 'class-validator';
import { BoolField, DateField, DateTimeField, EnumField, EnumListField, NestedField, TextField } from '../common/fields';

export class DecisionExtensionDto {
  @TextField('申请延长的理由', 2000) reason: string;
}

const NOTICE_RIGHTS = ['statement', 'defence', 'hearing'] as const;

/**
 * 行政处罚事先告知书: already served (its date and method), or — without `servedAt` — issued now and
 * served through the service workflow, the windows starting once it is served.
 */
export class NoticeServedDto {
  @EnumListField('告知的权利', NOTICE_RIGHTS) rights: (typeof NOTICE_RIGHTS)[number][];
  @DateTimeField('送达时间', { optional: true }) servedAt?: string;
  @ValidateIf((n: NoticeServedDto) => n.servedAt !== undefined)
  @TextField('送达方式', 100, { requiredWhen: '填写了送达时间（已送达）' })
  method?: string;
  @ValidateIf((n: NoticeServedDto) => n.servedAt === undefined)
  @TextField('告知书文号', 100, { requiredWhen: '未填写送达时间（现在制发并送达）' })
  documentNumber?: string;
}

export class StatementDto {
  @DateTimeField('收到时间') receivedAt: string;
  @TextField('陈述、申辩内容', 20000) content: string;
}

export class WaiverDto {
  @DateTimeField('放弃时间') waivedAt: string;
  @EnumField('放弃的权利', ['statement', 'hearing', 'both']) scope: 'statement' | 'hearing' | 'both';
  @TextField('书面放弃声明', 5000) document: string;
}

export class HearingRequestDto {
  @DateTimeField('申请时间') requestedAt: string;
}

/** 当场交付: who signed for the decision, and when. */
export class HandedOverDto {
  @DateTimeField('交付时间') at: string;
  @TextField('签收人', 100) signedBy: string;
}

/** 责令改正: what, and the China date by which. */
export class CorrectionDto {
  @TextField('责令改正的内容', 5000) content: string;
  @DateField('改正期限') deadline: string;
}

export class IssueDecisionDto {
  /**
   * Typed only where the agency numbers by hand (profile numbering.decision.mode manual); otherwise assigned
   * on issue. Which applies depends on the case's profile: the service checks it (CaseRefs.decisionNumbering).
   */
  @ValidateIf((d: IssueDecisionDto) => d.documentNumber !== undefined)
  @TextField('决定书文号', 100, { requiredWhen: '本机关手工编号（规则 numbering.decision 为 manual）' })
  documentNumber?: string;
  @DateField('决定日期') decidedOn: string;
  /** Optional: the approved draft's text (libs/domain/decision-text) when omitted; when given, exactly that text. */
  @TextField('决定内容', 20000, { optional: true }) content?: string;
  /** 行政处罚法 61: announced with the party present → handed over on the spot; absent → served within 7 working days. */
  @BoolField('宣告时当事人在场') partyPresent: boolean;
  @ValidateIf((d: IssueDecisionDto) => d.partyPresent)
  @NestedField('当场交付情况', () => HandedOverDto, { requiredWhen: '宣告时当事人在场' })
  handedOver?: HandedOverDto;
  @NestedField('责令改正', () => CorrectionDto, { optional: true }) correction?: CorrectionDto;
}

export class ScheduleHearingDto {
  @DateTimeField('听证通知送达时间') notifiedAt: string;
  @DateTimeField('听证时间') at: string;
  @TextField('听证地点', 200) place: string;
  /** 行政处罚法 64(四): designated by the agency, not one of the case's investigators; printed on the 听证通知书. */
  @TextField('听证主持人', 100, { optional: true }) host?: string;
}

export class HearingRecordDto {
  @DateTimeField('听证举行时间') heldAt: string;
  @TextField('参加人员', 1000) participants: string;
  @TextField('听证笔录', 50000) record: string;
}

export class HearingReportDto {
  @TextField('听证报告', 20000) report: string;
}
