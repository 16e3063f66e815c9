import { z } from 'zod';
import { PeriodSchema, TimedSchema, sourced } from './source';

/**
 * One schema per stage of the case (glossary.md). Conventions:
 * - every figure is an object with its `source`; a period is `{ period, source }`;
 * - an optional figure is absent where the regulation sets no such rule and no national rule
 *   supplies one (e.g. the archive fields of 003 第五条第（五）项 exist only for 003);
 * - where the regulation is silent and national law applies, the figure is present with a
 *   national source (`nationalDefault: true`).
 */

// ── Acts covered ──────────────────────────────────────────────────────────────────────────────
export const ACT_KINDS = ['licensing', 'penalty', 'coercion', 'confirmation', 'levy', 'requisition', 'inspection'] as const;
export const ActsCoveredSchema = sourced({
  /** 'all': every enforcement act of the agency (000: all 民政 enforcement; 003: all enforcement). */
  kinds: z.union([z.literal('all'), z.array(z.enum(ACT_KINDS)).min(1)]),
  /** The field of administration where the regulation names it (民政, 住房城乡建设…). */
  field: z.string().min(1).optional(),
});

// ── Initiation (程序启动): this exact shape is relied on by the initiation workflow ─────────────
export const InitiationSchema = z.strictObject({
  /** Who approves an ex officio start (局长, 负责人…), as the regulation names them. */
  approver: sourced({ title: z.string().min(1) }),
  /** 情况紧急先行启动 and its back-report (补报) period, or refused. */
  emergencyStart: z.discriminatedUnion('allowed', [
    sourced({ allowed: z.literal(true), backReport: PeriodSchema }),
    sourced({ allowed: z.literal(false) }),
  ]),
  /** Who must be told (and the telling recorded) when a start is declined. */
  declineNotice: sourced({ applicant: z.boolean(), realNameComplainant: z.boolean(), exOfficioParty: z.boolean() }),
  /**
   * Within how long the person told of a decline must be told (an operational figure: the seeds
   * say only that they are told and the telling recorded). Absent in cases pinned before it.
   */
  declineNotification: TimedSchema.optional(),
  /** 一次性告知补正: tell everything missing at once within this period, else deemed accepted. */
  applicationAcceptance: TimedSchema,
});

// ── Investigation (调查取证) ────────────────────────────────────────────────────────────────────
export const RIGHTS = ['statement', 'defence', 'recusal', 'hearing', 'review', 'lawsuit'] as const;
export const AV_ACTIVITIES = [
  'on_site_inspection',
  'sampling',
  'hearing',
  'lodged_service',
  'public_notice_service',
  'seal_seize',
  'inquiry_party',
  'inquiry_witness',
  'registered_preservation',
  'compulsory_execution',
  'property_handling',
  'disputed_summary_procedure',
  'restrict_freedom',
  'inspection_person_place_goods',
] as const;
export const AV_METADATA_FIELDS = [
  'production_method',
  'produced_at',
  'producer',
  'fact_proven',
  'audio_transcript',
  'spoken_opening_statement',
  'interruption_reason',
  'extractor',
  'extracted_at',
  'place_marker',
  'sea_coordinates',
  'ship_name_number',
] as const;

export const AvRequirementSchema = sourced({
  activity: z.enum(AV_ACTIVITIES),
  /** "不适宜音像记录的除外" (002 第十四条, 004 第十五条). */
  unlessUnsuitable: z.boolean(),
  /** "但需书面记录原因" (004 第十五条): the exception needs a written reason. */
  unsuitableReasonInWriting: z.boolean(),
  /** Only for this variant of the activity (001 第二十二条第二款: posted notices only). */
  onlyWhen: z.enum(['posted_notice']).optional(),
}).refine((r) => r.unlessUnsuitable || !r.unsuitableReasonInWriting, {
  message: 'unsuitableReasonInWriting needs unlessUnsuitable',
  params: { rule: 'reason_needs_exception' },
  path: ['unsuitableReasonInWriting'],
});

export const AudiovisualSchema = z.strictObject({
  /**
   * Activities that must be recorded on audio/video, whatever their stage (service, execution and
   * the summary procedure included): one list, so nothing is said twice.
   */
  mandatory: z.array(AvRequirementSchema),
  /** The agency compiles its own 音像记录事项清单 (003 第七条第一款); entries are then agency data. */
  agencyList: sourced({ required: z.literal(true) }).optional(),
  /** "对文字记录能够全面有效记录执法行为的，可以不进行音像记录" (003 第七条第二款, 004 第二十六条第一款). */
  writtenRecordMaySuffice: sourced({ allowed: z.literal(true) }).optional(),
  /** Store the recording in the system or the agency's own storage, never keep it personally. */
  upload: sourced({ period: PeriodSchema, startsAt: z.enum(['recording_completed', 'activity_ended']) }),
  /** Continuous work, work away or in remote areas: within this period after returning. */
  uploadAfterReturn: sourced({ period: PeriodSchema, startsAt: z.literal('return_to_office') }).optional(),
  metadata: z.array(
    sourced({
      field: z.enum(AV_METADATA_FIELDS),
      when: z.enum(['always', 'used_as_evidence', 'audio', 'at_sea', 'interrupted']),
    }),
  ),
  retention: sourced({ period: PeriodSchema.optional(), keptWithCaseFile: z.enum(['all', 'evidence']) }).optional(),
});

export const InvestigationSchema = z.strictObject({
  officers: z.strictObject({
    minimum: sourced({ count: z.number().int().min(1) }),
    certificateShown: sourced({ required: z.literal(true) }),
    /** Number, names, certificate numbers and their showing written in the transcript. */
    identityRecorded: sourced({ inTranscript: z.boolean(), partySigns: z.boolean() }),
  }),
  /** Rights the party is told of, the telling (and its method) recorded. */
  rightsTold: sourced({ rights: z.array(z.enum(RIGHTS)).min(1) }),
  audiovisual: AudiovisualSchema,
  /** 先行登记保存: a handling decision is due within the period. */
  registeredPreservation: TimedSchema,
  /** 查封、扣押: period, one extension with the chief's approval; testing time not counted. */
  sealSeize: sourced({ period: PeriodSchema, extension: TimedSchema }),
  /** 冻结存款、汇款 (only agencies a law empowers to freeze). */
  freeze: sourced({ period: PeriodSchema, extension: TimedSchema }),
  /** A coercive measure taken on the spot in an emergency: the chief's approval within the period, or it is lifted. */
  emergencyMeasure: TimedSchema,
  /** 限制人身自由: no period of its own (the authorizing law's limit), the family told at once. */
  restrictFreedom: sourced({ familyToldAtOnce: z.literal(true) }),
});

// ── Review and decision (审查决定) ──────────────────────────────────────────────────────────────
export const SUMMARY_RECORD_ITEMS = [
  'conditions',
  'steps_and_documents',
  'statement_and_defence',
  'review_of_statement_and_defence',
  'filing',
  'on_the_spot_collection',
  'other',
] as const;

export const DecisionSchema = z.strictObject({
  /** From case filing (立案) to the penalty decision. */
  deadline: sourced({
    period: PeriodSchema,
    startsAt: z.literal('case_filed'),
    /** When to warn before the deadline (operational, per agency). */
    warnBefore: z.array(PeriodSchema.refine((p) => p.unit === 'day' || p.unit === 'hour', '提前提醒只能以日或小时计')),
    /** Only where a 规章 allows it (行政处罚法 60 "另有规定的，从其规定"); granted by the chief as a task. */
    extension: TimedSchema.optional(),
  }),
  preDecisionNotice: z.strictObject({
    /** No decision before this window after the notice is served closes; silence is a waiver. */
    statementWindow: TimedSchema,
    /** The party asks for a hearing within this period after being told. */
    hearingRequest: TimedSchema,
    /** The party is told the time and place at least this long before the hearing. */
    hearingNotice: sourced({ period: PeriodSchema, countedBackFrom: z.literal('hearing_date') }),
  }),
  legalReview: z.strictObject({
    requiredWhen: sourced({
      cases: z
        .array(z.enum(['major_public_interest', 'major_rights_after_hearing', 'complex_multiple_legal_relations', 'other_by_law']))
        .min(1),
    }),
    recordedFields: sourced({ fields: z.array(z.enum(['reviewer', 'opinion', 'suggestions'])).min(1) }).optional(),
    /** How long the legal reviewer has once the draft reaches them; escalated when late. */
    period: TimedSchema,
  }),
  expertReview: sourced({ record: z.enum(['report', 'written_record', 'minutes_or_expert_opinion']) }).optional(),
  collectiveDiscussion: z.strictObject({
    requiredWhen: sourced({ cases: z.array(z.enum(['complex_circumstances', 'serious_violation'])).min(1) }),
    record: sourced({ form: z.enum(['written_record', 'record_or_minutes']) }),
  }),
  chiefApproval: sourced({
    title: z.string().min(1),
    fields: z.array(z.enum(['opinion', 'signature', 'signed_at'])).min(1),
  }),
  discretionBenchmark: sourced({ recorded: z.literal(true) }).optional(),
  /** Roles of the recorded internal chain, in order (承办人 → 审核人 → 批准人). */
  internalChain: sourced({ roles: z.array(z.enum(['officer', 'unit_head', 'chief'])).min(2) }).optional(),
  summaryProcedure: z.strictObject({
    eligibility: sourced({
      individualMaxFineYuan: z.number().int().positive(),
      organisationMaxFineYuan: z.number().int().positive(),
      warning: z.literal(true),
    }),
    filing: sourced({ required: z.literal(true) }),
    recordItems: sourced({ items: z.array(z.enum(SUMMARY_RECORD_ITEMS)).min(1) }).optional(),
  }),
  licensingDecision: sourced({ period: PeriodSchema, extension: TimedSchema }),
  publication: z.strictObject({ penaltyAndLicence: TimedSchema, other: TimedSchema }),
});

// ── Service (送达) ─────────────────────────────────────────────────────────────────────────────
export const ServiceSchema = z.strictObject({
  /** 送达地址确认: confirmed and recorded on these occasions. */
  addressConfirmation: sourced({
    required: z.literal(true),
    occasions: z.array(z.enum(['application', 'investigation', 'inspection', 'coercion'])).min(1),
    items: z.array(z.enum(['address', 'contact', 'email'])).min(1),
  }).optional(),
  /** The penalty decision when the party was absent at its announcement. */
  absentParty: TimedSchema,
  /** 公告送达: deemed served this long after the notice is issued. */
  publicNotice: sourced({ deemedServedAfter: PeriodSchema }),
  /**
   * How long one attempt may stay without an outcome before the officer is asked to try the next
   * method (operational, per agency: no law fixes it, like `decision.deadline.warnBefore`).
   */
  attempts: sourced({
    direct: PeriodSchema,
    postal: PeriodSchema,
    electronic: PeriodSchema,
    entrusted: PeriodSchema,
    forwarded: PeriodSchema,
    lodged: PeriodSchema,
  }),
});

// ── Execution (执行) ───────────────────────────────────────────────────────────────────────────
export const ExecutionSchema = z.strictObject({
  payment: TimedSchema,
  /**
   * 加处罚款: `cappedAtFine` can only be true (行政处罚法 72(1)(一), 行政强制法 45 第二款: 不得超出罚款
   * 的数额); it stays so the profile states the rule with its source, and the engine reads it.
   */
  surcharge: sourced({ dailyRatePercent: z.number().positive(), cappedAtFine: z.literal(true) }),
  surchargePause: sourced({ duringReviewOrLitigation: z.literal(true) }),
  cashHandIn: sourced({ period: PeriodSchema, afloat: z.literal('after_landing') }),
  /** A fine up to this amount may be collected on the spot whatever the circumstances. */
  onTheSpotCollection: sourced({ smallFineMaxYuan: z.number().int().positive() }),
  /** The demand notice (催告书) must be served before these. */
  demandNotice: sourced({ before: z.array(z.enum(['compulsory_execution_decision', 'court_application'])).min(1) }),
  /** 夜间 as China-time hours (from → to, across midnight); 法定节假日 as every non-working day of the calendar. */
  noNightOrHolidayEnforcement: sourced({
    exceptUrgent: z.literal(true),
    nightFromHour: z.number().int().min(0).max(23),
    nightToHour: z.number().int().min(0).max(23),
  }),
  courtApplication: z.strictObject({
    earliest: sourced({ period: PeriodSchema, startsAt: z.literal('demand_notice_served') }),
    window: sourced({
      period: PeriodSchema,
      startsAt: z.literal('remedy_periods_ended'),
      /** Operational: remind the officer this long before the window closes, and escalate at the last. */
      remindBefore: z.array(PeriodSchema.refine((p) => p.unit === 'day', '提前提醒以日计')).min(1),
    }),
  }),
  remedies: z.strictObject({ review: TimedSchema, lawsuit: TimedSchema }),
});

// ── Archiving (归档) ───────────────────────────────────────────────────────────────────────────
export const ACCOUNTABILITY_ITEMS = ['not_recorded', 'leak', 'tampering', 'storage_failure', 'other_violation'] as const;
const AccessActions = z.array(z.enum(['view', 'copy'])).min(1);

export const ArchivingSchema = z.strictObject({
  deadline: sourced({
    period: PeriodSchema,
    startsAt: z.enum(['enforcement_act_ended', 'execution_ended']),
    /** When to remind the custodian before the deadline (operational, per agency). */
    warnBefore: z.array(PeriodSchema.refine((p) => p.unit === 'day', '提前提醒以日计')),
  }),
  custodian: sourced({ title: z.string().min(1) }),
  fields: sourced({
    fields: z.array(z.enum(['archive_number', 'category', 'retention_period', 'start_date', 'end_date'])).min(1),
  }).optional(),
  partyAccess: z.discriminatedUnion('rule', [
    sourced({ rule: z.literal('per_regulations'), regulations: z.array(z.string().min(1)).min(1), actions: AccessActions }),
    sourced({ rule: z.literal('chief_consent'), actions: AccessActions }),
  ]),
  accountability: sourced({
    orderedBy: z.string().min(1),
    items: z.array(z.enum(ACCOUNTABILITY_ITEMS)).min(1),
    evaluation: sourced({ included: z.literal(true) }).optional(),
  }).optional(),
});

// ── Supervision (监督) ──────────────────────────────────────────────────────────────────────────
/** Rungs after a deadline's own escalation (which tells the unit head at the due time). */
const LadderSchema = sourced({ chiefAfter: PeriodSchema, supervisorAfter: PeriodSchema });

export const SupervisionSchema = z.strictObject({
  /**
   * With a task still open after its deadline, when the chief and then the supervisor are told
   * (operational, per agency); `byKind` gives some kinds of task (keyed by kind) rungs of their own.
   */
  escalation: LadderSchema,
  byKind: z.record(z.string(), LadderSchema).optional(),
});
