import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../platform/context.ts";
import { BadRequestError } from "../platform/errors.ts";

const HostedQuery = z.object({
  key: z.string().regex(/^pk_live_[0-9A-Za-z]{22}$/, "must be a publishable key (pk_live_...)"),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as en or zh-CN")
    .optional(),
});
const SurveyId = z.uuid();

const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The shareable link of a survey, for email campaigns: `/s/{surveyId}?key=pk_live_...&lang=zh-CN`
 * is a page of the Worker's own that runs the widget and shows that survey at once, centred.
 * The publishable key works here without being on the tenant's allowed origins, since the page
 * is ckm's own; the survey must be published.
 */
export function mountHostedSurveyPage(app: OpenAPIHono<AppEnv>): void {
  app.get("/s/:surveyId", (c) => {
    const surveyId = SurveyId.safeParse(c.req.param("surveyId"));
    const query = HostedQuery.safeParse(c.req.query());
    if (!surveyId.success || !query.success) {
      const issues = [
        ...(surveyId.success ? [] : [{ path: "surveyId", message: "must be a survey id (a UUID)" }]),
        ...(query.success ? [] : query.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }))),
      ];
      throw new BadRequestError("A survey link is /s/{surveyId}?key=pk_live_...[&lang=...].", issues);
    }
    const lang = query.data.lang;
    const attributes = [`src="/widget.js"`, `data-key="${escape(query.data.key)}"`, `data-show="${escape(surveyId.data)}"`, `data-position="center"`, `data-headless`, `async`];
    if (lang) attributes.push(`data-lang="${escape(lang)}"`);
    return c.html(
      `<!doctype html>
<html lang="${escape(lang ?? "en")}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Survey</title><meta name="robots" content="noindex"></head>
<body><main><noscript>This survey needs JavaScript.</noscript></main>
<script ${attributes.join(" ")}></script>
</body>
</html>`,
    );
  });
}
