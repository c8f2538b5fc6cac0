import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json, jsonBody } from "../../tenancy/routes/schemas.ts";
import { requestRestore } from "../restore-backup.ts";
import { BackupParams } from "./get-backup.ts";
import { Backup, backupView } from "./views.ts";

const RestoreInput = z
  .object({
    into: z.enum(["same", "new"]).openapi({ description: "`same`: replace this tenant's data (after a safety backup); `new`: a copy in a new tenant, every id remapped." }),
    customerId: z.uuid().optional().openapi({ description: "With `into: same`, restore only this customer (identities, orders, lines, refunds, timeline, scores)." }),
  })
  .strict()
  .refine((input) => !(input.customerId && input.into === "new"), { error: "customerId restores into the same tenant only", path: ["customerId"] })
  .openapi("RestoreInput");

export const route = defineRoute({
  operationId: "backups.restore",
  method: "post",
  path: "/v1/backups/{backupId}/restore",
  tags: ["backups"],
  summary: "Restore a backup into this tenant, a new tenant, or one customer",
  description:
    "Queued; follow `restore` at `GET /v1/backups/{backupId}`. The whole backup is verified first: a missing or changed part fails the restore and nothing is changed. Into the same tenant a safety backup is taken first, then the tenant's rows are replaced in one transaction.",
  request: { params: BackupParams, body: jsonBody(RestoreInput) },
  responses: {
    202: json(Backup, "The backup, its restore queued."),
    400: json(ProblemSchema, "The input is invalid."),
    404: json(ProblemSchema, "No such backup in this tenant."),
    409: json(ProblemSchema, "The backup is not completed, or a restore of it is being applied."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const backup = await requestRestore(c.get("services").db(), c.env.JOBS, currentActor(c), c.req.valid("param").backupId, c.req.valid("json"));
  return c.json(backupView(backup), 202);
};
