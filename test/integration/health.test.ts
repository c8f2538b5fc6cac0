import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";

describe("GET /health", () => {
  it("answers 200 after a database round trip", async () => {
    const res = await SELF.fetch("https://ckm.test/health");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^req_[0-9A-Za-z]{22}$/);
    const body = await res.json<{ status: string; database: { reachable: boolean; latencyMs: number } }>();
    expect(body.status).toBe("ok");
    expect(body.database.reachable).toBe(true);
  });

  it("serves 50 concurrent requests, all successfully", async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, () => SELF.fetch("https://ckm.test/health")));
    expect(responses.map((res) => res.status)).toEqual(Array(50).fill(200));
    await Promise.all(responses.map((res) => res.arrayBuffer()));
  });
});

describe("GET /health without a database", () => {
  it("answers 503 with Retry-After when the database is unreachable", async () => {
    const unreachable = { ...env, DB_LOCAL_PROXY: "127.0.0.1:9" };
    const ctx = createExecutionContext();
    const res = await worker.fetch(new Request("https://ckm.test/health"), unreachable, ctx);
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("2");
    const body = await res.json<{ code: string; requestId: string }>();
    expect(body.code).toBe("UNAVAILABLE");
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
  });
});
