import { IsArray, IsUUID, ValidateIf } from 'class-validator';
import { CONFIDENTIALITY, Confidentiality } from '#libs/domain/access';
import {
  AV_METHODS,
  AvMethod,
  PRESERVATION_FORMS,
  PreservationForm,
  RIGHT_LABELS,
  Right,
  WRITTEN_KINDS,
  WrittenKind,
} from '#libs/domain/evidence';
import { BoolField, DateTimeField, EnumField, EnumListField, NestedField, NestedListField, TextField, UuidField } from '../common/fields';
import { ApiProperty } from '@nestjs/swagger';

const RIGHTS = Object.keys(RIGHT_LABELS) as Right[];

export class OfficerPresentDto {
  @UuidField('执法人员') userId: string;
  @TextField('执法证件编号', 64) certificateNo: string;
  @TextField('证件出示情况', 200) shown: string;
}

export class SignaturesDto {
  @BoolField('当事人签字') partySigned: boolean;
  @TextField('签字人员', 500, { optional: true }) signedBy?: string;
  @ValidateIf((o: SignaturesDto) => !o.partySigned)
  @TextField('拒绝签字的理由', 500, { requiredWhen: '当事人未签字' })
  refusalReason?: string;
  @ValidateIf((o: SignaturesDto) => !o.partySigned)
  @TextField('见证人', 200, { requiredWhen: '当事人未签字' })
  witness?: string;
}

export class RightsToldDto {
  @EnumListField('已告知的权利', RIGHTS) rights: Right[];
  @TextField('告知方式', 200) method: string;
}

/** 证据保全: why, what, and in what form (000 第九条, 002 第十五条, 004 第十六条). */
export class PreservationDto {
  @TextField('证据保全的启动理由', 2000) reason: string;
  @TextField('证据保全的具体标的', 2000) object: string;
  @EnumListField('证据保全的形式', PRESERVATION_FORMS) forms: PreservationForm[];
}

/** Shared by written and audiovisual records: corrections point to what they correct. */
class RecordBase {
  @TextField('记录名称', 200) title: string;
  @DateTimeField('记录时间') recordedAt: string;
  @UuidField('更正的记录', { optional: true }) corrects?: string;
  @ValidateIf((o: RecordBase) => !!o.corrects)
  @TextField('更正理由', 2000, { requiredWhen: '更正记录（填写 corrects）' })
  correctionReason?: string;
}

export class WrittenRecordDto extends RecordBase {
  @EnumField('文书种类', WRITTEN_KINDS) kind: WrittenKind;
  @EnumField('询问对象', ['party', 'witness'], { optional: true }) subject?: 'party' | 'witness';
  @TextField('记录内容', 50000) content: string;
  @TextField('地点', 500, { optional: true }) place?: string;
  @NestedListField('在场执法人员', () => OfficerPresentDto, 0, 20) officers: OfficerPresentDto[];
  @NestedField('签字情况', () => SignaturesDto) signatures: SignaturesDto;
  @NestedField('权利告知情况', () => RightsToldDto, { optional: true }) rightsTold?: RightsToldDto;
  @ApiProperty({ description: '同步制作的音像记录', type: String, format: 'uuid', isArray: true, required: false })
  @ValidateIf((o: WrittenRecordDto) => o.avRecordIds !== undefined)
  @IsArray()
  @IsUUID('all', { each: true })
  avRecordIds?: string[];
  @TextField('未进行音像记录的原因', 2000, { optional: true }) avOmissionReason?: string;
  @ValidateIf((o: WrittenRecordDto) => o.kind === 'other')
  @TextField('法律依据', 500, { requiredWhen: '文书种类为其他（other）' })
  legalBasis?: string;
  @ValidateIf((o: WrittenRecordDto) => o.kind === 'evidence_preservation')
  @NestedField('证据保全事项', () => PreservationDto, { requiredWhen: '文书种类为证据保全（evidence_preservation）' })
  preservation?: PreservationDto;
}

export class AvMetadataDto {
  @TextField('制作方法', 200, { optional: true }) production_method?: string;
  @TextField('制作时间', 100, { optional: true }) produced_at?: string;
  @TextField('制作人', 100, { optional: true }) producer?: string;
  @TextField('证明对象', 2000, { optional: true }) fact_proven?: string;
  @TextField('声音内容的文字记录', 50000, { optional: true }) audio_transcript?: string;
  @TextField('开始记录时的语音说明', 2000, { optional: true }) spoken_opening_statement?: string;
  @TextField('中断记录的原因', 2000, { optional: true }) interruption_reason?: string;
  @TextField('提取人', 100, { optional: true }) extractor?: string;
  @TextField('提取时间', 100, { optional: true }) extracted_at?: string;
  @TextField('执法场所的明显标志', 500, { optional: true }) place_marker?: string;
  @TextField('调查海域经纬度', 100, { optional: true }) sea_coordinates?: string;
  @TextField('被调查船只船名船号', 100, { optional: true }) ship_name_number?: string;
}

export class AvRecordDto extends RecordBase {
  @EnumField('音像记录方式', AV_METHODS) method: AvMethod;
  /** For 004 第二十七条(五): the period runs from the end of the activity. */
  @DateTimeField('执法活动结束时间', { optional: true }) activityEndedAt?: string;
  @BoolField('异地或偏远地区执法', { optional: true }) awayFromOffice?: boolean;
  @ValidateIf((o: AvRecordDto) => o.awayFromOffice === true)
  @DateTimeField('返回单位时间', { requiredWhen: '异地或偏远地区执法（awayFromOffice 为 true）' })
  returnedAt?: string;
  @BoolField('作为证据使用') usedAsEvidence: boolean;
  @BoolField('海上执法', { optional: true }) atSea?: boolean;
  @BoolField('记录曾中断', { optional: true }) interrupted?: boolean;
  @NestedField('音像记录说明', () => AvMetadataDto) metadata: AvMetadataDto;
}

export class FlagDto {
  @EnumField('涉密类型', CONFIDENTIALITY) flag: Confidentiality;
  @TextField('标记理由', 1000) reason: string;
}

/** An audio-video recording described where it was made (a summary procedure, a lodged service, a posted notice). */
export class AvDescriptionDto {
  @TextField('记录名称', 200) title: string;
  @EnumField('记录方式', AV_METHODS) method: AvMethod;
  @DateTimeField('记录时间') recordedAt: string;
  @NestedField('音像记录说明事项', () => AvMetadataDto) metadata: AvMetadataDto;
}
