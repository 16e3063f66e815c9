import { ValidateIf } from 'class-validator';
import { COLLECTION_GROUNDS, CollectionGround } from '#libs/domain/summary';
import { BoolField, DateTimeField, EnumField, IntField, NestedField, TextField } from '../common/fields';
import { PartyDto } from '../initiation/initiation.dto';
import { AvDescriptionDto } from '../investigation/investigation.dto';

export class SummaryPenaltyDto {
  @EnumField('处罚种类', ['warning', 'fine']) kind: 'warning' | 'fine';
  @ValidateIf((p: SummaryPenaltyDto) => p.kind === 'fine' || p.amountYuan !== undefined)
  @IntField('罚款金额（元）', 1, 3000, { requiredWhen: '处罚种类为罚款（fine）' })
  amountYuan?: number;
}

/** 000 第十四条, 004 第二十条: the items written at the scene (required where the profile lists them). */
export class SummaryItemsDto {
  @TextField('适用简易程序的具体条件', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' }) conditions?: string;
  @TextField('程序步骤及法定文书', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' }) steps_and_documents?: string;
  @TextField('当事人陈述、申辩的记录', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' }) statement_and_defence?: string;
  @TextField('陈述、申辩的复核及处理', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' })
  review_of_statement_and_defence?: string;
  @TextField('当场收缴罚款的实施过程', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' }) on_the_spot_collection?: string;
  @TextField('其他依法记录的内容', 5000, { optional: true, requiredWhen: '本机关的规定列为必记事项' }) other?: string;
}

export class CollectionDto {
  @IntField('收缴金额（元）', 1, 3000) amountYuan: number;
  @TextField('罚款收据编号', 100) receiptNumber: string;
  @DateTimeField('收缴时间') collectedAt: string;
  @EnumField('当场收缴的情形', COLLECTION_GROUNDS) ground: CollectionGround;
}

/** An on-the-spot decision (简易程序, 行政处罚法 51–52). */
export class SummaryCaseDto {
  @NestedField('当事人', () => PartyDto) party: PartyDto;
  @TextField('违法事实', 5000) facts: string;
  @TextField('法律依据', 2000) legalBasis: string;
  @NestedField('处罚内容', () => SummaryPenaltyDto) penalty: SummaryPenaltyDto;
  /** Typed only where the agency numbers by hand (profile numbering.summaryDecision.mode manual); otherwise assigned. */
  @ValidateIf((d: SummaryCaseDto) => d.documentNumber !== undefined)
  @TextField('决定书编号', 100, { requiredWhen: '本机关手工编号（规则 numbering.summaryDecision 为 manual）' })
  documentNumber?: string;
  @DateTimeField('决定时间') decidedAt: string;
  @TextField('执法地点', 500) place: string;
  @NestedField('简易程序记录事项', () => SummaryItemsDto) items: SummaryItemsDto;
  @BoolField('当事人对处罚有争议') disputed: boolean;
  @NestedField('音像记录', () => AvDescriptionDto, { optional: true }) audiovisual?: AvDescriptionDto;
  @NestedField('当场收缴罚款', () => CollectionDto, { optional: true }) collection?: CollectionDto;
}
