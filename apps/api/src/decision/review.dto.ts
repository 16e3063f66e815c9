import { ValidateIf } from 'class-validator';
import { PENALTY_KINDS, PenaltyKind, REVIEW_FINDINGS, ReviewFinding } from '#libs/domain/review';
import {
  DateTimeField,
  EnumField,
  EnumListField,
  IntField,
  NestedField,
  NestedListField,
  TextField,
  TextListField,
  UuidListField,
} from '../common/fields';

const NEEDS_AMOUNT: PenaltyKind[] = ['fine', 'confiscation'];

export class PenaltyDto {
  @EnumField('处罚种类', PENALTY_KINDS) kind: PenaltyKind;
  @ValidateIf((p: PenaltyDto) => NEEDS_AMOUNT.includes(p.kind) || p.amountYuan !== undefined)
  @IntField('金额（元）', 1, 1_000_000_000, { requiredWhen: '处罚种类为罚款或没收（fine、confiscation）' })
  amountYuan?: number;
  @TextField('处罚内容说明', 1000, { optional: true }) description?: string;
}

export class DiscretionDto {
  @TextField('适用的裁量基准', 1000) benchmark: string;
  @TextField('裁量基准适用情况', 5000) application: string;
}

/** 承办人处理意见: the draft decision with what it rests on (003 第五条第（三）项, 000 第十条). */
export class DraftDecisionDto {
  @TextField('违法事实', 20000) facts: string;
  @UuidListField('证据', 1, 500) evidenceIds: string[];
  @TextField('法律依据', 5000) legalBasis: string;
  @NestedListField('拟处罚内容', () => PenaltyDto, 0, 20) penalties: PenaltyDto[];
  @TextField('承办人意见和理由', 10000) opinion: string;
  @TextField('应考虑的有关因素', 5000) factors: string;
  @NestedField('行政裁量权基准适用情况', () => DiscretionDto, { optional: true }) discretion?: DiscretionDto;
  @EnumListField('案件情形', REVIEW_FINDINGS, { optional: true }) findings?: ReviewFinding[];
}

export class CollectiveDiscussionDto {
  @DateTimeField('讨论时间') heldAt: string;
  @TextField('主持人', 100, { optional: true }) chair?: string;
  @TextListField('参加人员', 2, 50, 100) participants: string[];
  @TextField('讨论记录或会议纪要', 50000) minutes: string;
  @TextField('讨论结论', 5000) conclusion: string;
}

const EXPERT_FORMS = ['report', 'written_record', 'minutes', 'expert_opinion'] as const;

export class ExpertReviewDto {
  @DateTimeField('论证时间') heldAt: string;
  @TextListField('专家', 1, 50, 100) experts: string[];
  @EnumField('记录形式', EXPERT_FORMS) form: (typeof EXPERT_FORMS)[number];
  @TextField('论证情况', 50000) content: string;
}
