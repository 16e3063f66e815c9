import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ActivityFailure, ApplicationFailure, RetryState } from '@temporalio/common';
import { ERRORS } from '../common/errors';
import { apiErrorOf, temporalUnavailable } from './errors';

// Temporal away is a 503 with Retry-After; a workflow's refusal is the catalogue's code; anything else stays a fault (500).
const grpc = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
const refused = (cause: Error) => new WorkflowUpdateFailedError('Update failed', cause);

describe('Temporal unavailable', () => {
  it('an unreachable server, a call past its deadline, or an Update poll cut short', () => {
    expect(temporalUnavailable(grpc(14, 'No connection established'))).toBe(true);
    expect(temporalUnavailable(new ServiceError('Update-With-Start failed', { cause: grpc(14, 'connect ECONNREFUSED') }))).toBe(true);
    expect(temporalUnavailable(new ServiceError('failed', { cause: grpc(4, 'Deadline exceeded') }))).toBe(true);
    expect(temporalUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('timeout', { cause: grpc(4, 'Deadline exceeded') }))).toBe(
      true,
    );
  });

  it('not a refusal: a bad request to Temporal is our fault', () => {
    expect(temporalUnavailable(new ServiceError('failed', { cause: grpc(3, 'invalid argument') }))).toBe(false);
    expect(temporalUnavailable(new Error('something else'))).toBe(false);
  });
});

describe('a Temporal error as the API answers it', () => {
  it("a validator's refusal with a catalogue code keeps the workflow's message", () => {
    const e = apiErrorOf(refused(ApplicationFailure.nonRetryable('期限已过，不能再提出', 'TASK_NOT_OPEN')));
    expect([e?.code, e?.status, e?.message, e?.fields]).toEqual(['TASK_NOT_OPEN', 409, '期限已过，不能再提出', undefined]);
  });

  it("a validator's refusal without a message takes the catalogue's", () => {
    expect(apiErrorOf(refused(ApplicationFailure.nonRetryable('', 'TASK_NOT_OPEN')))?.message).toBe(ERRORS.TASK_NOT_OPEN.message);
  });

  it('a refusal about a field carries the field errors from its first detail', () => {
    const fields = [{ field: 'heldAt', code: 'TIME_BEFORE_STEP', message: '不得早于立案' }];
    const e = apiErrorOf(refused(ApplicationFailure.nonRetryable('时间有误', 'RECORD_INVALID', fields)));
    expect([e?.code, e?.fields]).toEqual(['RECORD_INVALID', fields]);
  });

  it("an activity's integrity refusal passed on by an Update is answered with the catalogue's message", () => {
    const integrity = ApplicationFailure.nonRetryable('insert or update on table violates foreign key constraint', 'INTEGRITY_VIOLATION');
    const e = apiErrorOf(
      refused(new ActivityFailure('activity failed', 'appendRecord', '1', RetryState.NON_RETRYABLE_FAILURE, 'worker', integrity)),
    );
    expect([e?.code, e?.status, e?.message]).toEqual(['INTEGRITY_VIOLATION', 409, ERRORS.INTEGRITY_VIOLATION.message]);
  });

  it('a finished workflow has nothing open', () => {
    expect(apiErrorOf(new WorkflowNotFoundError('not found', 'decision-1', undefined))?.code).toBe('TASK_NOT_OPEN');
  });

  it('Temporal away is 503 TEMPORAL_UNAVAILABLE', () => {
    const e = apiErrorOf(new ServiceError('failed', { cause: grpc(14, 'connect ECONNREFUSED') }));
    expect([e?.code, e?.status]).toEqual(['TEMPORAL_UNAVAILABLE', 503]);
  });

  it('a code outside the catalogue, or an error Temporal did not raise, is left as it is (a fault)', () => {
    expect(apiErrorOf(refused(ApplicationFailure.nonRetryable('boom', 'SOMETHING_ELSE')))).toBeUndefined();
    expect(apiErrorOf(new ServiceError('failed', { cause: grpc(3, 'invalid argument') }))).toBeUndefined();
    expect(apiErrorOf(new Error('something else'))).toBeUndefined();
  });
});
