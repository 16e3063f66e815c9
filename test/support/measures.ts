import { randomUUID } from 'node:crypto';
import { Actor } from '#libs/domain/roles';
import { takeMeasureUpdate } from '#libs/messages/investigation';
import { findProfile } from '#libs/profiles/index';
import { TimeSkipping, startInvestigation } from './time-skipping';

// Helpers of the coercive measure tests (test/workflow/measures.test.ts, emergency-measure.test.ts,
// preservation.test.ts): one agency's rules, a case under investigation, a seizure on it.

export const profile = findProfile('huayin-housing')!;
export const DAY = 24 * 3600 * 1000;

/** A case under investigation at Huayin. */
export const startCase = (ts: TimeSkipping, officer: Actor) => startInvestigation(ts, profile.id, officer.id);

export type Handle = Awaited<ReturnType<typeof startCase>>['handle'];

/** 查封、扣押 taken now, on the agency's period and its one extension (行政强制法 25). */
export async function seize(ts: TimeSkipping, handle: Handle, officer: Actor) {
  const rule = profile.investigation.sealSeize;
  return handle.executeUpdate(takeMeasureUpdate, {
    args: [
      {
        measureId: randomUUID(),
        kind: 'seize',
        object: '涉案建材一批',
        takenAt: await ts.now(),
        recordId: null,
        by: officer,
        period: rule.period,
        extension: rule.extension.period,
        legalBasis: '行政强制法第二十五条',
        extensionBasis: '行政强制法第二十五条第二款',
      },
    ],
  });
}
