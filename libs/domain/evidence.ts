import type { AgencyProfile, AvActivity } from '../profiles/schema';

/** Written records of 调查取证 (000 第八条, 001 第九条, 002 第十三条, 004 第十四条). */
export const WRITTEN_KINDS = [
  'inquiry_transcript',
  'on_site_inspection_transcript',
  'evidence_request_notice',
  'registered_preservation_list',
  'sampling_record',
  'appraisal_opinion',
  'statement_defence_record',
  'hearing_record',
  'evidence_preservation',
  'other',
] as const;
export type WrittenKind = (typeof WRITTEN_KINDS)[number];

export const WRITTEN_LABELS: Record<WrittenKind, string> = {
  inquiry_transcript: '询问笔录',
  on_site_inspection_transcript: '现场检查（勘验）笔录',
  evidence_request_notice: '调取证据通知书',
  registered_preservation_list: '证据登记保存清单',
  sampling_record: '抽样取证记录',
  appraisal_opinion: '鉴定意见',
  statement_defence_record: '陈述申辩笔录',
  hearing_record: '听证笔录',
  evidence_preservation: '证据保全记录',
  other: '其他文字记录',
};

/** 证据保全的形式 (000 第九条(三), 002 第十五条(三), 004 第十六条(三)). */
export const PRESERVATION_FORMS = [
  'registered_preservation',
  'copy',
  'audiovisual',
  'appraisal',
  'inspection',
  'inquiry_transcript',
] as const;
export type PreservationForm = (typeof PRESERVATION_FORMS)[number];

export const AV_METHODS = ['photo', 'audio', 'video', 'surveillance'] as const;
export type AvMethod = (typeof AV_METHODS)[number];

export const RIGHT_LABELS = {
  statement: '陈述',
  defence: '申辩',
  recusal: '申请回避',
  hearing: '听证',
  review: '申请复议',
  lawsuit: '提起诉讼',
} as const;
export type Right = keyof typeof RIGHT_LABELS;

export interface OfficerPresent {
  userId: string;
  certificateNo: string;
  /** How the certificate was shown (出示情况), e.g. 当场出示执法证件. */
  shown: string;
}

export interface WrittenRecordInput {
  kind: WrittenKind;
  /** For an inquiry: whether the person asked is the party or a witness (001 第十一条 lists both). */
  subject?: 'party' | 'witness';
  officers: OfficerPresent[];
  rightsTold?: { rights: Right[]; method: string };
  /** Audiovisual records of the same activity. */
  avRecordIds: string[];
  /** Why no audiovisual record was made, where the profile allows it (不适宜音像记录的). */
  avOmissionReason?: string;
}

export interface AvRecordInput {
  method: AvMethod;
  usedAsEvidence: boolean;
  atSea: boolean;
  interrupted: boolean;
  metadata: Partial<Record<AvMetadataField, string>>;
}
export type AvMetadataField = AgencyProfile['investigation']['audiovisual']['metadata'][number]['field'];

export const AV_METADATA_LABELS: Record<AvMetadataField, string> = {
  production_method: '制作方法',
  produced_at: '制作时间',
  producer: '制作人',
  fact_proven: '证明对象',
  audio_transcript: '声音内容的文字记录',
  spoken_opening_statement: '开始记录时的语音说明',
  interruption_reason: '中断记录的原因',
  extractor: '提取人',
  extracted_at: '提取时间',
  place_marker: '执法场所的明显标志',
  sea_coordinates: '调查海域经纬度',
  ship_name_number: '被调查船只船名船号',
};

export interface RuleError {
  field: string;
  code: string;
  message: string;
}

/** Records made while questioning or inspecting: two officers with certificates (行政处罚法 42, 55). */
const NEEDS_OFFICERS: readonly WrittenKind[] = ['inquiry_transcript', 'on_site_inspection_transcript'];
/** Records in which the party's rights are told and the telling recorded. */
const TELLS_RIGHTS: readonly WrittenKind[] = ['inquiry_transcript', 'statement_defence_record'];

/** The activities of the profile's mandatory audiovisual list that a written record documents. */
export function activitiesOf(r: Pick<WrittenRecordInput, 'kind' | 'subject'>): AvActivity[] {
  switch (r.kind) {
    case 'inquiry_transcript':
      return [r.subject === 'witness' ? 'inquiry_witness' : 'inquiry_party'];
    case 'on_site_inspection_transcript':
      return ['on_site_inspection', 'inspection_person_place_goods'];
    case 'registered_preservation_list':
      return ['registered_preservation'];
    case 'sampling_record':
      return ['sampling'];
    case 'hearing_record':
      return ['hearing'];
    default:
      return [];
  }
}

export function checkOfficers(profile: AgencyProfile, r: WrittenRecordInput): RuleError[] {
  if (!NEEDS_OFFICERS.includes(r.kind)) return [];
  const rule = profile.investigation.officers;
  const errors: RuleError[] = [];
  const certificates = r.officers.map((o) => o.certificateNo);
  if (new Set(r.officers.map((o) => o.userId)).size < rule.minimum.count) {
    errors.push({
      field: 'officers',
      code: 'OFFICERS_TOO_FEW',
      message: `${WRITTEN_LABELS[r.kind]}须载明至少${rule.minimum.count}名持有执法证件的执法人员`,
    });
  }
  certificates.forEach((c, i) => {
    if (certificates.indexOf(c) !== i)
      errors.push({ field: `officers[${i}].certificateNo`, code: 'CERTIFICATE_DUPLICATE', message: '执法证件编号重复' });
  });
  if (rule.certificateShown.required) {
    r.officers.forEach((o, i) => {
      if (!o.shown?.trim())
        errors.push({ field: `officers[${i}].shown`, code: 'CERTIFICATE_NOT_SHOWN', message: '须记录执法证件的出示情况' });
    });
  }
  return errors;
}

/** The party's rights (002 第十二条, 003 第五条(二)): told to the party, not to a witness. */
export function checkRightsTold(profile: AgencyProfile, r: WrittenRecordInput): RuleError[] {
  if (!TELLS_RIGHTS.includes(r.kind) || r.subject === 'witness') return [];
  const required = profile.investigation.rightsTold.rights;
  if (!r.rightsTold) {
    return [
      {
        field: 'rightsTold',
        code: 'RIGHTS_NOT_TOLD',
        message: `须记录告知当事人${required.map((x) => RIGHT_LABELS[x]).join('、')}等权利的情况及告知方式`,
      },
    ];
  }
  const missing = required.filter((x) => !r.rightsTold!.rights.includes(x));
  return missing.length
    ? [{ field: 'rightsTold.rights', code: 'RIGHTS_MISSING', message: `未告知以下权利：${missing.map((x) => RIGHT_LABELS[x]).join('、')}` }]
    : [];
}

export type AvVerdict = { status: 'not_required' | 'recorded' | 'omitted_with_reason' } | { status: 'defect'; activity: AvActivity };

/**
 * Whether the documented activity needed an audiovisual record: where the profile allows
 * "unless unsuitable", omitting it needs a written reason (an error without one); where it does not,
 * the record is kept but the case is flagged with a defect.
 */
export function checkAudiovisual(profile: AgencyProfile, r: WrittenRecordInput): { errors: RuleError[]; verdict: AvVerdict } {
  const acts = activitiesOf(r);
  const rule = profile.investigation.audiovisual.mandatory.find((m) => acts.includes(m.activity) && !m.onlyWhen);
  if (!rule) return { errors: [], verdict: { status: 'not_required' } };
  if (r.avRecordIds.length) return { errors: [], verdict: { status: 'recorded' } };
  if (rule.unlessUnsuitable) {
    return r.avOmissionReason?.trim()
      ? { errors: [], verdict: { status: 'omitted_with_reason' } }
      : {
          errors: [
            {
              field: 'avOmissionReason',
              code: 'AV_REASON_REQUIRED',
              message: `${WRITTEN_LABELS[r.kind]}应同时进行音像记录；不适宜音像记录的，须书面说明原因`,
            },
          ],
          verdict: { status: 'defect', activity: rule.activity },
        };
  }
  return { errors: [], verdict: { status: 'defect', activity: rule.activity } };
}

/** Metadata the profile requires of an audiovisual record (001 第二十七条, 003 第七、八条, 004 第二十七、二十九条). */
export function checkAvMetadata(profile: AgencyProfile, av: AvRecordInput): RuleError[] {
  const applies = {
    always: true,
    used_as_evidence: av.usedAsEvidence,
    audio: av.method === 'audio',
    at_sea: av.atSea,
    interrupted: av.interrupted,
  };
  return profile.investigation.audiovisual.metadata
    .filter((m) => applies[m.when] && !av.metadata[m.field]?.trim())
    .map((m) => ({ field: `metadata.${m.field}`, code: 'AV_METADATA_MISSING', message: `须记录${AV_METADATA_LABELS[m.field]}` }));
}
