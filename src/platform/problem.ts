import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  AppError,
  InProgressError,
  MethodNotAllowedError,
  RateLimitedError,
  SignatureError,
  UnauthorizedError,
  UnavailableError,
  type ErrorCode,
  type FieldIssue,
} from "./errors.ts";
import type { AppEnv } from "./context.ts";
import { asUnavailable } from "./unavailable.ts";
import { asUnstorable } from "./unstorable.ts";
import { withoutParameters } from "./error-text.ts";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  MISCONFIGURED: 500,
  UNAVAILABLE: 503,
};

const TITLE: Record<ErrorCode, string> = {
  BAD_REQUEST: "Bad request",
  UNAUTHORIZED: "Unauthorized",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  METHOD_NOT_ALLOWED: "Method not allowed",
  CONFLICT: "Conflict",
  GONE: "Gone",
  PAYLOAD_TOO_LARGE: "Payload too large",
  UNSUPPORTED_MEDIA_TYPE: "Unsupported media type",
  UNPROCESSABLE: "Unprocessable content",
  RATE_LIMITED: "Too many requests",
  INTERNAL: "Internal error",
  MISCONFIGURED: "Service misconfigured",
  UNAVAILABLE: "Service unavailable",
};

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = Object.fromEntries(
  Object.entries(STATUS).map(([code, status]) => [status, code as ErrorCode]),
);

/** RFC 9457 problem document, the body of every error response. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  requestId: string;
  issues: FieldIssue[];
};

/** Builds the problem+json response for any thrown value. Unknown errors are logged, not echoed. */
export function problemResponse(c: Context<AppEnv>, error: unknown): Response {
  const requestId = c.get("requestId") ?? "unknown";
  const known = toAppError(error);
  if (!known) c.get("log")?.error("unhandled error", { error: describe(error) });
  else if (known.code === "UNAVAILABLE") c.get("log")?.warn("unavailable", { error: describe(error) });
  else if (known.code === "MISCONFIGURED") c.get("log")?.error("misconfigured", { detail: known.message });
  const appError = known ?? new AppError("INTERNAL", "Something went wrong on our side; the request id identifies it in our logs.");
  const status = STATUS[appError.code];
  const problem: Problem = {
    type: `https://ckm.dev/problems/${appError.code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLE[appError.code],
    status,
    code: appError.code,
    detail: appError.message,
    requestId,
    issues: appError.issues,
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (appError instanceof MethodNotAllowedError) headers.allow = appError.allow.join(", ");
  if (appError instanceof UnavailableError || appError instanceof RateLimitedError || appError instanceof InProgressError) {
    headers["retry-after"] = String(appError.retryAfterSeconds);
  }
  if (appError.code === "UNAUTHORIZED" && !(appError instanceof SignatureError)) {
    const missing = appError instanceof UnauthorizedError && appError.missing;
    headers["www-authenticate"] = missing ? `Bearer realm="ckm"` : `Bearer realm="ckm", error="invalid_token"`;
  }
  return c.body(JSON.stringify(problem), status, headers);
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException && error.status < 500) {
    const code = CODE_OF_STATUS[error.status] ?? "BAD_REQUEST";
    return new AppError(code, error.message || TITLE[code]);
  }
  return asUnavailable(error) ?? asUnstorable(error);
}

function describe(error: unknown): { name: string; message: string; stack?: string; cause?: string } {
  if (!(error instanceof Error)) return { name: "NonError", message: "a non-Error value was thrown" };
  const cause = error.cause instanceof Error ? withoutParameters(error.cause.message) : undefined;
  return { name: error.name, message: withoutParameters(error.message), stack: withoutParameters(error.stack ?? ""), cause };
}
