import { createRoute, z } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import type { Problem } from "./platform/problem.ts";

const env = { DATABASE_URL: "postgres://app:secret@db.example:5432/ckm", AUTH_SIGNING_KEYS: "[]" };

/** The real app with two probe routes: one that takes a JSON body, one that fails unexpectedly. */
function appWithProbes() {
  const app = createApp();
  app.openapi(
    createRoute({
      method: "post",
      path: "/probe",
      request: {
        body: { content: { "application/json": { schema: z.object({ name: z.string().min(1), age: z.number().int() }) } } },
      },
      responses: { 200: { description: "echo" } },
    }),
    (c) => c.json(c.req.valid("json"), 200),
  );
  app.get("/boom", () => {
    throw new Error("secret internals: password=hunter2");
  });
  return app;
}

async function problem(res: Response): Promise<Problem> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Problem;
  expect(body.requestId).toMatch(/^req_/);
  expect(res.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

describe("error handling at the HTTP edge", () => {
  it("answers malformed JSON with a 400 problem", async () => {
    const res = await appWithProbes().request(
      "/probe",
      { method: "POST", headers: { "content-type": "application/json" }, body: '{"name": "a",' },
      env,
    );
    expect(res.status).toBe(400);
    expect((await problem(res)).code).toBe("BAD_REQUEST");
  });

  it("keeps every field-level issue of a failed validation", async () => {
    const res = await appWithProbes().request(
      "/probe",
      { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "", age: 1.5 }) },
      env,
    );
    expect(res.status).toBe(400);
    const body = await problem(res);
    expect(body.issues.map((issue) => issue.path).sort()).toEqual(["json.age", "json.name"]);
  });

  it("answers an unexpected error with a generic 500 that echoes nothing", async () => {
    const res = await appWithProbes().request("/boom", {}, env);
    expect(res.status).toBe(500);
    const body = await problem(res);
    expect(body.code).toBe("INTERNAL");
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });

  it("names a missing or malformed variable without echoing its value", async () => {
    const res = await createApp().request("/health", {}, { ...env, DATABASE_URL: "mysql://root:topsecret@x/y" });
    expect(res.status).toBe(500);
    const body = await problem(res);
    expect(body.code).toBe("MISCONFIGURED");
    expect(body.detail).toContain("DATABASE_URL");
    expect(body.detail).not.toContain("topsecret");

    const missing = await problem(await createApp().request("/health", {}, {}));
    expect(missing.detail).toContain("DATABASE_URL is not set");
    expect(missing.detail).toContain("AUTH_SIGNING_KEYS is not set");
  });
});
