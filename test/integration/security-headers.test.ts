import { describe, expect, it } from "vitest";
import { signUp } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";

const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

function expectSecure(res: Response, csp: string | RegExp = API_CSP): void {
  expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
  if (typeof csp === "string") expect(res.headers.get("content-security-policy")).toBe(csp);
  else expect(res.headers.get("content-security-policy")).toMatch(csp);
}

describe("security headers", () => {
  it("are on every kind of answer: success, problem, 401, 404, 405, the OpenAPI document", async () => {
    const owner = await signUp();
    for (const [method, path, token] of [
      ["GET", "/health", undefined],
      ["GET", "/v1/customers", owner.tokens.accessToken],
      ["GET", "/v1/customers", undefined],
      ["POST", "/v1/no-such-route", undefined],
      ["DELETE", "/health", undefined],
      ["GET", "/openapi.json", undefined],
      ["POST", `/v1/hooks/${crypto.randomUUID()}`, undefined],
    ] as const) {
      const res = await call(method, path, { token });
      expectSecure(res);
      await res.body?.cancel();
    }
  });

  it("let the API reference load its script from its CDN, and nothing frame it", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expectSecure(res, /^default-src 'self'; script-src 'self' 'unsafe-inline' https:\/\/cdn\.jsdelivr\.net;.*frame-ancestors 'none'/);
    await res.body?.cancel();
  });
});
