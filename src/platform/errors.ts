/** Domain errors carry a stable code; the HTTP edge maps codes to statuses (see problem.ts). */
export type ErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "GONE"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "UNPROCESSABLE"
  | "RATE_LIMITED"
  | "INTERNAL"
  | "MISCONFIGURED"
  | "UNAVAILABLE";

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("BAD_REQUEST", message, issues);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string, message?: string) {
    super("NOT_FOUND", message ?? (id ? `No ${entity} with id ${id}.` : `No such ${entity}.`));
  }
}

export class MethodNotAllowedError extends AppError {
  constructor(
    method: string,
    readonly allow: string[],
  ) {
    super("METHOD_NOT_ALLOWED", `${method} is not allowed here; allowed: ${allow.join(", ")}.`);
  }
}

export class UnavailableError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds = 1,
  ) {
    super("UNAVAILABLE", message);
  }
}

/** A variable or secret of the Worker is missing or malformed. */
export class ConfigurationError extends AppError {
  constructor(readonly variables: Array<{ variable: string; message: string }>) {
    super(
      "MISCONFIGURED",
      `The service is misconfigured: ${variables.map((v) => `${v.variable} ${v.message}`).join("; ")}.`,
    );
  }
}

/** No credential, or one that does not verify; answered 401 with `WWW-Authenticate`. */
export class UnauthorizedError extends AppError {
  constructor(
    message = "A valid credential is required.",
    /** True when no credential was sent at all (RFC 6750 then omits the error attribute). */
    readonly missing = false,
  ) {
    super("UNAUTHORIZED", message);
  }
}

/** The credential is valid but its role or kind may not do this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("FORBIDDEN", message);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("CONFLICT", message, issues);
  }
}

/** The same request is still being worked on; answered 409 with `Retry-After`. */
export class InProgressError extends ConflictError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message);
  }
}

/** Well-formed input that the current state forbids, e.g. refunding more than was paid. */
export class UnprocessableError extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super("UNPROCESSABLE", message, issues);
  }
}

/** What the request names existed but is switched off (a disabled integration's webhook URL). */
export class GoneError extends AppError {
  constructor(message: string) {
    super("GONE", message);
  }
}

/**
 * A webhook whose signature does not verify: 401 like a bad credential, but without a bearer
 * challenge, since no bearer token would help.
 */
export class SignatureError extends AppError {
  constructor(message = "The webhook signature does not verify.") {
    super("UNAUTHORIZED", message);
  }
}
