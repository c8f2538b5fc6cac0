import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, Uuid } from "../../tenancy/routes/schemas.ts";
import { getBackup } from "../backups.ts";
import { Backup, backupView } from "./views.ts";

export const BackupParams = z.object({ backupId: Uuid("backupId") });

export const route = defineRoute({
  operationId: "backups.get",
  method: "get",
  path: "/v1/backups/{backupId}",
  tags: ["backups"],
  summary: "A backup's status, progress, sizes, counts, verification and latest restore",
  request: { params: BackupParams },
  responses: { 200: json(Backup, "The backup."), 404: json(ProblemSchema, "No such backup in this tenant.") },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  return c.json(backupView(await getBackup(c.get("services").db(), currentActor(c), c.req.valid("param").backupId)), 200);
};
