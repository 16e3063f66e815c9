import {
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure } from '@temporalio/common';
import { ApiException, FieldError } from '../common/api.exception';
import { isErrorCode } from '../common/errors';
import { causes } from '../common/unavailable';

/** gRPC status codes of an unreachable or overloaded Temporal: CANCELLED, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, ABORTED, UNAVAILABLE. */
const GRPC_TRANSIENT = new Set([1, 4, 8, 10, 14]);

/** Temporal could not be reached, or did not answer within the call deadline (connection.ts). */
export function temporalUnavailable(x: unknown): boolean {
  return causes(x).some(
    (e) =>
      e instanceof WorkflowUpdateRPCTimeoutOrCancelledError ||
      (e instanceof Error && e.name === 'TransportError') ||
      (isGrpcServiceError(e) && GRPC_TRANSIENT.has(e.code)),
  );
}

/** A workflow refusal about one field (an event's time) carries its field errors as its first detail. */
function fieldErrorsOf(details: unknown[] | null | undefined): FieldError[] | undefined {
  const first = details?.[0];
  const ok =
    Array.isArray(first) &&
    first.every((e) => e && typeof e.field === 'string' && typeof e.code === 'string' && typeof e.message === 'string');
  return ok && first.length ? first.map(({ field, code, message }) => ({ field, code, message })) : undefined;
}

/**
 * The one place a Temporal error becomes the API's: the answer it stands for, or undefined for an
 * error that is not Temporal's to explain (it stays a fault, 500, or what the error filter makes of it).
 */
export function apiErrorOf(x: unknown): ApiException | undefined {
  // A workflow's refusal (an Update's validator or handler): its code is in the catalogue; its message,
  // written where the facts are known (a due time, a count), says more than the catalogue's.
  if (x instanceof WorkflowUpdateFailedError && x.cause instanceof ApplicationFailure && isErrorCode(x.cause.type)) {
    return new ApiException(x.cause.type, fieldErrorsOf(x.cause.details), x.cause.message || undefined);
  }
  // An activity the database refused for integrity (activities/integrity.ts), passed on by the Update:
  // the catalogue's message, not the database's.
  if (
    x instanceof WorkflowUpdateFailedError &&
    x.cause instanceof ActivityFailure &&
    x.cause.cause instanceof ApplicationFailure &&
    isErrorCode(x.cause.cause.type)
  ) {
    return new ApiException(x.cause.cause.type);
  }
  // The workflow has finished, so nothing in it is open any more.
  if (x instanceof WorkflowNotFoundError) return new ApiException('TASK_NOT_OPEN');
  // Unreachable, or no answer within the connection's call deadline: 503 with Retry-After.
  if (temporalUnavailable(x)) return new ApiException('TEMPORAL_UNAVAILABLE');
  return undefined;
}
