import { ERRORS, ErrorCode } from './errors';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** The one exception the API throws on purpose: a stable code whose status and Chinese message come from the catalogue. */
export class ApiException extends Error {
  constructor(readonly code: ErrorCode, readonly fields?: FieldError[], message?: string) {
    super(message ?? ERRORS[code].message);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}
