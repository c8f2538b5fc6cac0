import { OpenAPIHono } from "@hono/zod-openapi";
import { allowedMethods } from "./platform/allowed-methods.ts";
import type { AppEnv } from "./platform/context.ts";
import { AppError, MethodNotAllowedError } from "./platform/errors.ts";
import { mountApiDocs, validationHook } from "./platform/openapi.ts";
import { problemResponse } from "./platform/problem.ts";
import { requestContext } from "./platform/request-context.ts";
import { securityHeaders } from "./platform/security-headers.ts";
import { services } from "./platform/services.ts";
import { customerRoutes } from "./customers/routes/index.ts";
import { systemRoutes } from "./system/routes/index.ts";
import { tenancyRoutes } from "./tenancy/routes/index.ts";
import { segmentRoutes } from "./segments/routes/index.ts";
import { backupRoutes } from "./backups/routes/index.ts";
import { surveyRoutes } from "./surveys/routes/index.ts";
import { webhookRoutes } from "./webhooks/routes/index.ts";
import { mountHostedSurveyPage } from "./surveys/hosted-page.ts";

/** Builds the HTTP application: middleware, error handling, and every capability's routes. */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  app.use(requestContext());
  app.use(securityHeaders());
  app.use(services());
  app.onError((error, c) => problemResponse(c, error));
  app.notFound((c) => {
    const allow = allowedMethods(app.routes, c.req.path);
    const error = allow.length
      ? new MethodNotAllowedError(c.req.method, allow)
      : new AppError("NOT_FOUND", `No route matches ${c.req.method} ${c.req.path}.`);
    return problemResponse(c, error);
  });

  const routes = app.route("/", systemRoutes).route("/", tenancyRoutes).route("/", customerRoutes).route("/", webhookRoutes).route("/", segmentRoutes).route("/", backupRoutes).route("/", surveyRoutes);
  mountApiDocs(app);
  mountHostedSurveyPage(app);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
