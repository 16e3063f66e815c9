import { MeasureView } from '#libs/messages/investigation';
import { CoerciveMeasureEntity } from '#libs/persistence/entities/coercive-measure.entity';
import { MeasureResponse } from './measures.response';

const iso = (t: Date | string) => (typeof t === 'string' ? t : t.toISOString());

/**
 * A measure as its workflow answers an Update, or as its projection stores it: one shape, the
 * estimate named as every deadline names it (`complete`, `missingYears`, libs/domain/deadlines.ts).
 */
export function toMeasureView(m: MeasureView | CoerciveMeasureEntity): MeasureResponse {
  const estimate =
    'dueComplete' in m
      ? { complete: m.dueComplete, missingYears: m.dueMissingYears }
      : { complete: m.complete, missingYears: m.missingYears ?? [] };
  return {
    id: m.id,
    caseId: m.caseId,
    kind: m.kind,
    object: m.object,
    takenAt: iso(m.takenAt),
    dueAt: m.dueAt && iso(m.dueAt),
    lastDay: m.lastDay,
    ...estimate,
    status: m.status,
    extended: m.extended,
    pauses: m.pauses.map((p) => ({ from: p.from, to: p.to ?? null, reason: p.reason })),
    decision: m.decision,
    recordId: m.recordId,
    familyNotified: m.familyNotified && { method: m.familyNotified.method, at: m.familyNotified.at, recipient: m.familyNotified.recipient },
  };
}
