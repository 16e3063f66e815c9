import { ErrorCode, MESSAGES } from './errors';
import { statusOf } from './statuses';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The one exception the API throws on purpose: a stable code whose status and Chinese message come from the catalogue. */
export class ApiException extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    message?: string,
  ) {
    super(message ?? MESSAGES[code]);
  }

  get status(): number {
    return statusOf(this.code);
  }
}
