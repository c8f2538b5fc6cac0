import { expect } from "vitest";
import type { Problem } from "../../src/platform/problem.ts";
import { call, type CallOptions } from "./api.ts";

/** Checks the status of a successful response (showing the body when it differs) and returns its JSON. */
export async function expectJson<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** A GET that must answer 200, returning its JSON. */
export async function getJson<T>(path: string, options: CallOptions = {}): Promise<T> {
  return expectJson<T>(await call("GET", path, options));
}

/**
 * Checks that a response is a problem document with this status, and, when given, that one of
 * its issues is on `issuePath` (such as `json.role`). Returns the problem for further checks.
 */
export async function expectProblem(res: Response, status: number, issuePath?: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const problem = JSON.parse(text) as Problem;
  expect(problem.status).toBe(status);
  if (issuePath) expect(problem.issues.map((issue) => issue.path), text).toContain(issuePath);
  return problem;
}

/** Checks a 401 that tells the client its credential is no good (RFC 6750). */
export async function expectInvalidCredential(res: Response): Promise<Problem> {
  const problem = await expectProblem(res, 401);
  expect(res.headers.get("www-authenticate")).toBe('Bearer realm="ckm", error="invalid_token"');
  expect(problem.code).toBe("UNAUTHORIZED");
  return problem;
}
