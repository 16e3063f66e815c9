import { ApiException } from './api.exception';

/** A recorded fact's time (served, received, taken…) cannot lie ahead; a minute's clock skew is allowed. */
export function notInFuture(iso: string, field: string): void {
  if (Date.parse(iso) > Date.now() + 60_000) {
    throw new ApiException('RECORD_INVALID', [{ field, code: 'TIME_IN_FUTURE', message: '时间不能晚于当前时间' }]);
  }
}
