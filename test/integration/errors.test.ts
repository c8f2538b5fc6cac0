import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/platform/problem.ts";

async function problemOf(res: Response): Promise<Problem> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = await res.json<Problem>();
  expect(body.requestId).toBe(res.headers.get("x-request-id"));
  expect(body.requestId).toMatch(/^req_/);
  expect(body.status).toBe(res.status);
  return body;
}

describe("errors are problem documents", () => {
  it("answers an unknown route with 404", async () => {
    const res = await SELF.fetch("https://ckm.test/v1/nothing-here");
    expect(res.status).toBe(404);
    const problem = await problemOf(res);
    expect(problem.code).toBe("NOT_FOUND");
    expect(problem.detail).toContain("/v1/nothing-here");
  });

  it("answers a known route with a wrong method with 405 and Allow", async () => {
    const res = await SELF.fetch("https://ckm.test/health", { method: "DELETE" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
    expect((await problemOf(res)).code).toBe("METHOD_NOT_ALLOWED");
  });
});

describe("the API description", () => {
  it("serves an OpenAPI 3.1 document naming every route", async () => {
    const res = await SELF.fetch("https://ckm.test/openapi.json");
    expect(res.status).toBe(200);
    const doc = await res.json<{ openapi: string; paths: Record<string, Record<string, { operationId: string }>> }>();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/health"]?.get?.operationId).toBe("system.health");
  });

  it("renders a reference page at /docs", async () => {
    const res = await SELF.fetch("https://ckm.test/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/openapi.json");
  });
});
