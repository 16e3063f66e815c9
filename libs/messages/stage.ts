import type { YearSchedule } from '../calendar/schedule';
import type { CaseClock } from '../domain/case-operations';
import type { EscalationRules } from '../domain/escalation';

/** What every stage workflow of a case starts from, and hands on to the next stage it starts. */
export interface StageInput {
  agencyId: string;
  /** The working-day calendar known when the stage started. */
  calendar: YearSchedule[];
  /** The profile's escalation ladder; absent in cases started before it existed. */
  escalation?: EscalationRules;
  /** The case clock (its suspensions) when the stage started. */
  caseClock?: CaseClock;
}
