import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { updateSettings } from "../settings.ts";
import { standardiseCountry } from "../../customers/standardise/index.ts";
import { BackupRetention, json, jsonBody, Name, Settings } from "./schemas.ts";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** One BCP 47 tag, canonicalised (en-gb becomes en-GB); anything else is undefined. */
function canonicalLocale(value: string): string | undefined {
  try {
    const locales = Intl.getCanonicalLocales(value);
    return locales.length === 1 ? locales[0] : undefined;
  } catch {
    return undefined;
  }
}

/** An origin exactly as browsers send it: scheme, host and optional port, nothing else. */
const Origin = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
    } catch {
      return false;
    }
  },
  { error: "must be an origin such as https://shop.example.com (no path or trailing slash)" },
);

const UpdateSettingsInput = z
  .object({
    name: Name,
    timezone: z.string().refine(isTimeZone, { error: "must be an IANA time zone such as Europe/London" }),
    currency: z.string().refine((value) => CURRENCIES.has(value), { error: "must be an ISO 4217 code such as GBP" }),
    locale: z
      .string()
      .max(35)
      .transform((value, ctx) => {
        const locale = canonicalLocale(value);
        if (locale) return locale;
        ctx.addIssue({ code: "custom", message: "must be a BCP 47 locale such as en-GB, en-US or zh-CN" });
        return z.NEVER;
      }),
    defaultCountry: z
      .string()
      .nullable()
      .transform((value, ctx) => {
        if (value === null) return null;
        const country = standardiseCountry(value);
        if (country.ok) return country.value;
        ctx.addIssue({ code: "custom", message: country.problem });
        return z.NEVER;
      }),
    allowedOrigins: z.array(Origin).max(50).transform((origins) => [...new Set(origins)]),
    webhookRetentionDays: z.number().int().min(1).max(3650),
    backupRetention: BackupRetention,
    globalRecontactDays: z.number().int().min(1).max(3650).nullable(),
  })
  .partial()
  .strict()
  .openapi("UpdateSettingsInput");

export const route = defineRoute({
  operationId: "settings.update",
  method: "patch",
  path: "/v1/settings",
  tags: ["settings"],
  summary: "Change some of the tenant's settings",
  request: { body: jsonBody(UpdateSettingsInput) },
  responses: {
    200: json(Settings, "The settings after the change."),
    400: json(ProblemSchema, "The input is invalid; nothing was changed."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json(await updateSettings(c.get("services").db(), currentActor(c), c.req.valid("json")), 200);
};
