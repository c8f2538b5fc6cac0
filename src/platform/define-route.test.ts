import { describe, expect, it } from "vitest";
import { defineRoute } from "./define-route.ts";
import type { OperationId } from "./permissions.ts";

describe("defineRoute", () => {
  it("refuses a route the permission table has no decision for", () => {
    const define = () =>
      defineRoute({ operationId: "reports.nonexistent" as OperationId, method: "get", path: "/v1/x", responses: {} });
    expect(define).toThrow(/reports.nonexistent has no entry in PERMISSIONS/);
  });

  it("documents the bearer requirement and the 401/403 answers of a protected route", () => {
    const route = defineRoute({ operationId: "members.list", method: "get", path: "/v1/members", responses: {} });
    expect(route.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(["401", "403"]));
  });

  it("leaves a public route open", () => {
    const route = defineRoute({ operationId: "auth.login", method: "post", path: "/v1/auth/login", responses: {} });
    expect(route.security).toEqual([]);
  });
});
