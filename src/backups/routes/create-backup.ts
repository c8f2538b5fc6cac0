import { type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { requestBackup } from "../backups.ts";
import { Backup, backupView } from "./views.ts";

export const route = defineRoute({
  operationId: "backups.create",
  method: "post",
  path: "/v1/backups",
  tags: ["backups"],
  summary: "Back up the tenant now",
  description: "Queued; follow `status` and `progress` at `GET /v1/backups/{backupId}`. Every tenant is also backed up nightly.",
  responses: { 202: json(Backup, "The backup, queued.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const backup = await requestBackup(c.get("services").db(), c.env.JOBS, currentActor(c));
  return c.json(backupView(backup), 202);
};
