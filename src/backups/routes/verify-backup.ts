import { type RouteHandler } from "@hono/zod-openapi";
import { backupKeys } from "../../env.ts";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { verifyBackup } from "../verify-backup.ts";
import { BackupParams } from "./get-backup.ts";
import { Backup, backupView } from "./views.ts";

export const route = defineRoute({
  operationId: "backups.verify",
  method: "post",
  path: "/v1/backups/{backupId}/verify",
  tags: ["backups"],
  summary: "Read the backup back: decrypt every part and check every hash and row count",
  description: "The verdict is kept in `verification` (a damaged backup answers 200 with `ok: false` and the problems found).",
  request: { params: BackupParams },
  responses: {
    200: json(Backup, "The backup with its new verification."),
    404: json(ProblemSchema, "No such backup in this tenant."),
    409: json(ProblemSchema, "The backup is not completed."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const services = c.get("services");
  const backup = await verifyBackup(services.db(), c.env.BACKUPS, backupKeys(services.env), currentActor(c), c.req.valid("param").backupId);
  return c.json(backupView(backup), 200);
};
