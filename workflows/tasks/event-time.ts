import { Step, beforeStep } from '#libs/domain/event-time';
import { refuse } from '../refuse';

/**
 * Refuses `at` (the request's `field`, named `label`) when it precedes `step` (libs/domain/event-time):
 * the code is the error's (EVENT_BEFORE_STEP), the field error travels as the first detail and the
 * API's error filter answers it as `errors: [{ field, code, message }]`.
 */
export function notBefore(field: string, label: string, at: string, step: Step | null | undefined): void {
  const error = beforeStep(field, label, at, step);
  if (error) throw refuse(error.code, error.message, [error]);
}
