import { z, type OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "./context.ts";
import { BadRequestError } from "./errors.ts";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi("Problem");

/** Turns a failed zod validation of any request part into a 400 problem with every issue kept. */
export function validationHook(result: { success: boolean; error?: z.ZodError; target: string }): void {
  if (result.success || !result.error) return;
  const issues = result.error.issues.map((issue) => ({
    path: [result.target, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new BadRequestError(`The request ${result.target} is invalid.`, issues);
}

/** Serves the OpenAPI 3.1 document at /openapi.json and a rendered reference at /docs. */
export function mountApiDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An access token from login (a JWT), a secret key (sk_live_...) or a publishable key (pk_live_...).",
  });
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "ckm API",
      version: "0.1.0",
      description: "Customer knowledge management: customers, orders, feedback and segments, per tenant.",
    },
  });
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "ckm API reference" }));
}
