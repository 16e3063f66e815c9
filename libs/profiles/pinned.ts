import type { InitiationInput } from '../messages/initiation';
import { numberingOf } from './numbering';
import type { AgencyProfile } from './schema';

/**
 * The sections of the profile a new case pins in its initiation input: what the initiation stage
 * reads and what it hands to the stages it starts (the decision stage at filing and on down).
 */
export function pinnedForInitiation(profile: AgencyProfile): InitiationInput['profile'] {
  return {
    id: profile.id,
    version: profile.version,
    regulationTitle: profile.regulation.title,
    initiation: profile.initiation,
    decision: profile.decision,
    service: profile.service,
    audiovisual: profile.investigation.audiovisual,
    execution: profile.execution,
    archiving: profile.archiving,
    numbering: numberingOf(profile),
  };
}
