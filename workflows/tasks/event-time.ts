import { ApplicationFailure } from '@temporalio/workflow';
import { EventTimeError, Step, beforeStep } from '#libs/domain/event-time';

/**
 * A workflow validator's refusal of an event dated before the step it depends on (libs/domain/event-time):
 * the code is the error's (EVENT_BEFORE_STEP), the field error travels as the first detail and the
 * API's error filter answers it as `errors: [{ field, code, message }]`.
 */
export function refuseEventTime(error: EventTimeError | null): void {
  if (error) throw ApplicationFailure.create({ message: error.message, type: error.code, nonRetryable: true, details: [[error]] });
}

/** Refuses `at` (the request's `field`, named `label`) when it precedes `step`. */
export function notBefore(field: string, label: string, at: string, step: Step | null | undefined): void {
  refuseEventTime(beforeStep(field, label, at, step));
}
