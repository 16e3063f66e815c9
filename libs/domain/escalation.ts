import { Period } from '../calendar/period';
import { cite } from '../profiles/cite';
import type { AgencyProfile } from '../profiles/schema';
import { ROLE_LABELS } from './roles';

/** Who is told next when a deadline has passed and the work is still not done. */
export const LADDER_ROLES = ['unit_head', 'chief', 'supervisor'] as const;
export type LadderRole = (typeof LADDER_ROLES)[number];

/** One rung: this long after the due time, the role is told (on top of the escalation at the due time). */
export interface LadderStep {
  after: Period;
  to: LadderRole;
}

/**
 * The profile's escalation ladder as a case pins it: the default rungs, rungs of their own for
 * some kinds of task, and the basis cited on each firing.
 */
export interface EscalationRules {
  ladder: LadderStep[];
  byKind?: Record<string, LadderStep[]>;
  legalBasis: string;
}

export function ladderFor(rules: EscalationRules, kind: string): LadderStep[] {
  return rules.byKind?.[kind] ?? rules.ladder;
}

/** The ladder a case pins from its profile. */
export function escalationRules(profile: Pick<AgencyProfile, 'regulation' | 'supervision'>): EscalationRules {
  const rungs = (r: AgencyProfile['supervision']['escalation']): LadderStep[] => [
    { after: r.chiefAfter, to: 'chief' },
    { after: r.supervisorAfter, to: 'supervisor' },
  ];
  const s = profile.supervision;
  return {
    ladder: rungs(s.escalation),
    ...(s.byKind && { byKind: Object.fromEntries(Object.entries(s.byKind).map(([k, r]) => [k, rungs(r)])) }),
    legalBasis: cite(profile.regulation.title, s.escalation.source),
  };
}

export const ladderRoleLabel = (role: LadderRole): string => ROLE_LABELS[role];
