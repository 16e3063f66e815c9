import type { ErrorCode } from './errors';

/**
 * The HTTP status of every code the API answers with. An exhaustive switch: a new code in a
 * catalogue (libs/domain/refusals, ./errors) does not compile until it has its status here.
 */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    // the request is wrong as sent: the client can correct it
    case 'VALIDATION_FAILED':
    case 'BODY_NOT_JSON':
    case 'BODY_TOO_DEEP':
    case 'AUTH_PASSWORD_WRONG':
    case 'IDEMPOTENCY_KEY_INVALID':
    case 'CALENDAR_INVALID':
    case 'PROFILE_INVALID':
    case 'RECORD_INVALID':
    case 'TASK_TRANSFER_TARGET_INVALID':
    case 'TASK_DECISION_INVALID':
    case 'TASK_NOTIFICATION_REQUIRED':
    case 'TASK_NEEDS_UPLOAD':
    case 'TASK_NEEDS_DRAFT':
    case 'TASK_NEEDS_ATTEMPT':
    case 'TASK_NEEDS_ARCHIVE':
    case 'TASK_RETURN_STEP_REQUIRED':
    case 'TASK_RECEIPT_REQUIRED':
    case 'TIME_IN_FUTURE':
    case 'EVENT_BEFORE_STEP':
    case 'AV_FILE_EMPTY':
    case 'AV_DIGEST_MISMATCH':
    case 'DRAFT_DISCRETION_REQUIRED':
    case 'LEGAL_REVIEW_SUGGESTIONS_REQUIRED':
    case 'EXPERT_REVIEW_FORM_INVALID':
    case 'APPROVAL_SIGNATURE_REQUIRED':
    case 'APPROVAL_SIGNED_AT_REQUIRED':
    case 'DECISION_TEXT_NOT_DRAFT':
    case 'DECISION_TEXT_REQUIRED':
    case 'HEARING_NOTICE_TOO_SHORT':
    case 'HEARING_BEFORE_NOTICE_DATE':
    case 'SERVICE_METHOD_DETAILS_MISSING':
    case 'SERVICE_AV_REQUIRED':
    case 'SERVICE_LODGED_DETAILS_MISSING':
    case 'SERVICE_RECEIPT_MISSING':
    case 'PAYMENT_INSUFFICIENT':
    case 'REMEDY_OUTCOME_REQUIRED':
    case 'ARCHIVE_FIELD_MISSING':
      return 400;
    // not signed in
    case 'AUTH_INVALID_CREDENTIALS':
    case 'AUTH_TOKEN_MISSING':
    case 'AUTH_SESSION_ENDED':
      return 401;
    // signed in, but not allowed
    case 'AUTH_ROLE_FORBIDDEN':
    case 'AUTH_PASSWORD_CHANGE_REQUIRED':
    case 'CERTIFICATE_NOT_VALID':
    case 'RECORD_CONFIDENTIAL':
    case 'TASK_TRANSFER_FORBIDDEN':
    case 'TASK_WRONG_ROLE':
    case 'TASK_WRONG_AGENCY':
    case 'TASK_NOT_ASSIGNEE':
    case 'DRAFTER_CANNOT_APPROVE':
    case 'DECISION_ROLE_FORBIDDEN':
    case 'DECISION_CHIEF_ONLY':
      return 403;
    // not there (or not the caller's)
    case 'ROUTE_NOT_FOUND':
    case 'AGENCY_PROFILE_UNKNOWN':
    case 'CASE_NOT_FOUND':
    case 'CASE_OTHER_AGENCY':
    case 'RECORD_NOT_FOUND':
    case 'TASK_NOT_FOUND':
    case 'TASK_OTHER_AGENCY':
    case 'MEASURE_NOT_FOUND':
    case 'SERVICE_NOT_FOUND':
    case 'USER_NOT_FOUND':
    case 'USER_OTHER_AGENCY':
    case 'UNIT_NOT_FOUND':
    case 'UNIT_OTHER_AGENCY':
    case 'DOCUMENT_NOT_FOUND':
    case 'ACCESS_REQUEST_NOT_FOUND':
      return 404;
    // the case is not in a state that allows it now
    case 'CONFLICT':
    case 'DOCUMENT_NOT_YET':
    case 'DOCUMENT_FILE_ALTERED':
    case 'DOCUMENT_NOT_REGENERABLE':
    case 'ACCESS_NOT_GRANTED':
    case 'AV_FILE_ALTERED':
    case 'PROFILE_VERSION_TAKEN':
    case 'PROFILE_NOT_YET_IN_FORCE':
    case 'USERNAME_TAKEN':
    case 'UNIT_NAME_TAKEN':
    case 'INTEGRITY_VIOLATION':
    case 'IDEMPOTENCY_IN_PROGRESS':
    case 'TASK_NOT_OPEN':
    case 'CASE_NOT_IN_HANDLING':
    case 'CASE_ALREADY_SUSPENDED':
    case 'CASE_NOT_SUSPENDED':
    case 'CASE_OPERATION_PENDING':
    case 'CASE_SUSPENDED':
    case 'CASE_NOT_UNDER_INVESTIGATION':
    case 'AV_ALREADY_STORED':
    case 'MEASURE_CLOSED':
    case 'MEASURE_ALREADY_PAUSED':
    case 'MEASURE_NOT_PAUSED':
    case 'MEASURE_NOT_RUNNING':
    case 'MEASURE_EXTENSION_USED':
    case 'MEASURE_EXPIRED':
    case 'MEASURE_NOT_TIMED':
    case 'DRAFT_NOT_OPEN':
    case 'DRAFT_NOT_SUBMITTED':
    case 'LEGAL_REVIEW_REQUIRED':
    case 'COLLECTIVE_DISCUSSION_REQUIRED':
    case 'COLLECTIVE_DISCUSSION_ALREADY_RECORDED':
    case 'EXPERT_REVIEW_NOT_PROVIDED':
    case 'DECISION_ALREADY_APPROVED':
    case 'DECISION_NOT_APPROVED':
    case 'DECISION_EXTENSION_NOT_ALLOWED':
    case 'DECISION_EXTENSION_USED':
    case 'DECISION_DEADLINE_PASSED':
    case 'DECISION_NOT_STARTED':
    case 'NOTICE_NOT_SERVED':
    case 'NOTICE_ALREADY_SERVED':
    case 'DECISION_ALREADY_ISSUED':
    case 'DECISION_NUMBER_TAKEN':
    case 'STATEMENT_WINDOW_OPEN':
    case 'STATEMENT_NOT_REVIEWED':
    case 'HEARING_WINDOW_OPEN':
    case 'HEARING_PENDING':
    case 'HEARING_REQUEST_LATE':
    case 'HEARING_WAIVED':
    case 'HEARING_ALREADY_REQUESTED':
    case 'HEARING_NOT_REQUESTED':
    case 'HEARING_ALREADY_SCHEDULED':
    case 'HEARING_NOT_SCHEDULED':
    case 'HEARING_ALREADY_HELD':
    case 'HEARING_NOT_HELD':
    case 'HEARING_ALREADY_REPORTED':
    case 'SERVICE_ALREADY_SERVED':
    case 'SERVICE_NO_PENDING_ATTEMPT':
    case 'SERVICE_ATTEMPT_PENDING':
    case 'SERVICE_PUBLIC_NOTICE_TOO_EARLY':
    case 'SERVICE_ELECTRONIC_NO_CONSENT':
    case 'EXECUTION_NOT_STARTED':
    case 'EXECUTION_ENDED':
    case 'EXECUTION_NO_FINE':
    case 'PAYMENT_ALREADY_RECORDED':
    case 'REMEDY_ALREADY_FILED':
    case 'REMEDY_PERIOD_PASSED':
    case 'REMEDY_NOT_PENDING':
    case 'REMEDY_PENDING':
    case 'DEMAND_NOT_DUE':
    case 'DEMAND_ALREADY_DRAFTED':
    case 'DEMAND_NOT_SERVED':
    case 'COURT_ALREADY_APPLIED':
    case 'COURT_APPLICATION_TOO_EARLY':
    case 'COURT_APPLICATION_TOO_LATE':
    case 'COURT_NOT_APPLIED':
    case 'COURT_RESULT_RECORDED':
    case 'COMPULSORY_EXECUTION_NOT_EMPOWERED':
    case 'COMPULSORY_EXECUTION_DECIDED':
    case 'COMPULSORY_EXECUTION_NOT_DECIDED':
    case 'COMPULSORY_RESULT_RECORDED':
    case 'ENFORCEMENT_TIME_FORBIDDEN':
    case 'ARCHIVE_NOT_OPEN':
    case 'ARCHIVE_INCOMPLETE':
      return 409;
    // too large
    case 'BODY_TOO_LARGE':
      return 413;
    // a file of a type not accepted
    case 'AV_MEDIA_TYPE_NOT_ALLOWED':
      return 415;
    // well-formed, but not acceptable
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'EMERGENCY_EX_OFFICIO_ONLY':
    case 'EMERGENCY_NOT_ALLOWED':
      return 422;
    // too many attempts
    case 'AUTH_TOO_MANY_ATTEMPTS':
      return 429;
    // a fault on our side
    case 'INTERNAL_ERROR':
    case 'PROFILE_NOT_FOUND':
      return 500;
    // a service we depend on is away for now
    case 'DATABASE_UNAVAILABLE':
    case 'TEMPORAL_UNAVAILABLE':
      return 503;
    default: {
      const unknown: never = code;
      throw new Error(`No HTTP status for ${String(unknown)}`);
    }
  }
}
