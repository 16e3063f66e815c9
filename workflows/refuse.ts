import { ApplicationFailure } from '@temporalio/workflow';
import { FieldRefusal, REFUSALS, RefusalCode } from '#libs/domain/refusals';

/**
 * The one way a workflow refuses an Update: a non-retryable failure typed by its catalogue code
 * (libs/domain/refusals), which the API answers with that code and its status. The message is the
 * catalogue's, or `detail` where the facts of the case (a due time, an amount, the profile's title)
 * say more; a refusal about one field carries `fields`, which the API answers as `errors`.
 */
export function refuse(code: RefusalCode, detail?: string, fields?: FieldRefusal[]): ApplicationFailure {
  return ApplicationFailure.nonRetryable(detail ?? REFUSALS[code], code, ...(fields ? [fields] : []));
}
