import { AvMethod, RuleError, checkAvMetadata } from '#libs/domain/evidence';
import { Actor } from '#libs/domain/roles';
import { AvEvidence } from '#libs/messages/investigation';
import { AgencyProfile } from '#libs/profiles/index';
import { cite } from '#libs/profiles/cite';

/** An audio-video recording described where it was made (a summary procedure, a lodged service…). */
export interface AvDescription {
  title: string;
  method: AvMethod;
  recordedAt: string;
  metadata: Record<string, string | undefined>;
}

/**
 * The evidence row of a recording made outside the investigation (used as evidence of how the act
 * was done, so kept with the case file), its metadata checked against the profile, and the period
 * within which its file is due. Errors are named under `field`.
 */
export function avEvidence(
  actor: Actor,
  caseId: string,
  id: string,
  profile: AgencyProfile,
  av: AvDescription,
  activityEndedAt: string,
  field: string,
): { evidence?: AvEvidence; errors: RuleError[] } {
  const metadata = Object.fromEntries(Object.entries(av.metadata).filter(([, v]) => v !== undefined)) as Record<string, string>;
  const errors = checkAvMetadata(profile, { method: av.method, usedAsEvidence: true, atSea: false, interrupted: false, metadata }).map(
    (e) => ({ ...e, field: `${field}.${e.field}` }),
  );
  if (errors.length) return { errors };
  const rules = profile.investigation.audiovisual;
  return {
    errors,
    evidence: {
      record: {
        id,
        caseId,
        category: 'audiovisual',
        kind: av.method,
        title: av.title,
        content: { activityEndedAt, awayFromOffice: false, returnedAt: null, atSea: false, interrupted: false },
        producerId: actor.id,
        officers: [],
        signatures: null,
        rightsTold: null,
        avRecordIds: [],
        avOmissionReason: null,
        avVerdict: null,
        metadata,
        usedAsEvidence: true,
        retentionUntil: null,
        legalBasis: null,
        correctsId: null,
        correctionReason: null,
        recordedAt: av.recordedAt,
        createdBy: actor.id,
      },
      upload: {
        from: rules.upload.startsAt === 'activity_ended' ? activityEndedAt : av.recordedAt,
        period: rules.upload.period,
        legalBasis: cite(profile.regulation.title, rules.upload.source),
      },
    },
  };
}
