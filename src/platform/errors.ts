/**
 * The one catalogue of error codes. Each maps to an HTTP status, a problem-details type and a
 * message key in the `errors` i18n namespace (`errors:<code>`), so pages and the API say the same thing.
 */
export const errorCatalogue = {
  validation_failed: 422,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  conflict: 409,
  initiative_not_open: 409,
  checklist_incomplete: 409,
  invalid_transition: 409,
  already_joined: 409,
  consent_required: 403,
  survey_closed: 409,
  already_responded: 409,
  kiosk_session_invalid: 409,
  email_taken: 409,
  invitation_invalid: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  conversation_closed: 409,
  statement_unavailable: 409,
  already_supported: 409,
  round_closed: 409,
  already_linked: 409,
  unsubscribe_link_invalid: 404,
  campaign_already_sent: 409,
  pulse_already_answered: 409,
  pulse_off: 409,
  internal: 500,
} as const;

/** A stable error code from the catalogue. */
export type ErrorCode = keyof typeof errorCatalogue;

/** A field-level problem: the field's name (dot path for nested input) and a message key with values. */
export interface FieldError {
  field: string;
  /** Message key in the `validation` namespace, e.g. `required`, `tooLong`. */
  code: string;
  params?: Record<string, string | number>;
}

/** An expected failure with a stable code; routes turn it into a page message or problem details. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldError[];
  /** Values for the message; a list holds message keys, shown translated and joined. */
  readonly params: Record<string, string | number | string[]>;

  constructor(
    code: ErrorCode,
    options: {
      fields?: FieldError[];
      params?: Record<string, string | number | string[]>;
      message?: string;
    } = {},
  ) {
    super(options.message ?? code);
    this.code = code;
    this.status = errorCatalogue[code];
    this.fields = options.fields ?? [];
    this.params = options.params ?? {};
  }
}

/** Shorthand for a validation failure on the given fields. */
export function invalid(fields: FieldError[]): AppError {
  return new AppError('validation_failed', { fields });
}

/** Shorthand for "no such thing here" (also used to hide other organizations' data). */
export function notFound(): AppError {
  return new AppError('not_found');
}

/** Shorthand for "you may not do that". */
export function forbidden(): AppError {
  return new AppError('forbidden');
}
