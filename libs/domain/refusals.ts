import { ARCHIVING_REFUSALS } from './refusals/archiving';
import { CASE_REFUSALS } from './refusals/case';
import { CASE_OPERATION_REFUSALS } from './refusals/case-operations';
import { DECISION_REFUSALS } from './refusals/decision';
import { EVENT_TIME_REFUSALS } from './refusals/event-time';
import { EXECUTION_REFUSALS } from './refusals/execution';
import { HEARING_REFUSALS } from './refusals/hearing';
import { INITIATION_REFUSALS } from './refusals/initiation';
import { INVESTIGATION_REFUSALS } from './refusals/investigation';
import { REVIEW_REFUSALS } from './refusals/review';
import { SERVICE_REFUSALS } from './refusals/service';
import { TASK_REFUSALS } from './refusals/tasks';

/**
 * Every refusal of the case's rules, by the stage that raises it: a stable code (clients may switch on
 * it) and its Chinese message. Shared by the workflows, which throw them, and the API, which answers
 * them with the status of `statusOf` (apps/api/src/common/statuses.ts).
 */
export const STAGE_REFUSALS = {
  case: CASE_REFUSALS,
  tasks: TASK_REFUSALS,
  eventTime: EVENT_TIME_REFUSALS,
  caseOperations: CASE_OPERATION_REFUSALS,
  initiation: INITIATION_REFUSALS,
  investigation: INVESTIGATION_REFUSALS,
  review: REVIEW_REFUSALS,
  decision: DECISION_REFUSALS,
  hearing: HEARING_REFUSALS,
  service: SERVICE_REFUSALS,
  execution: EXECUTION_REFUSALS,
  archiving: ARCHIVING_REFUSALS,
} as const;

export const REFUSALS = {
  ...CASE_REFUSALS,
  ...TASK_REFUSALS,
  ...EVENT_TIME_REFUSALS,
  ...CASE_OPERATION_REFUSALS,
  ...INITIATION_REFUSALS,
  ...INVESTIGATION_REFUSALS,
  ...REVIEW_REFUSALS,
  ...DECISION_REFUSALS,
  ...HEARING_REFUSALS,
  ...SERVICE_REFUSALS,
  ...EXECUTION_REFUSALS,
  ...ARCHIVING_REFUSALS,
} as const;
export type RefusalCode = keyof typeof REFUSALS;

/** A refusal about one field of the request (an event's time, the decision's text). */
export interface FieldRefusal {
  field: string;
  code: string;
  message: string;
}
