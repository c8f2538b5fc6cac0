import { z, type RouteHandler } from "@hono/zod-openapi";
import { currentActor } from "../../platform/actor.ts";
import type { AppEnv } from "../../platform/context.ts";
import { defineRoute } from "../../platform/define-route.ts";
import { ProblemSchema } from "../../platform/openapi.ts";
import { json } from "../../tenancy/routes/schemas.ts";
import { downloadBackup } from "../download-backup.ts";
import { BackupParams } from "./get-backup.ts";

export const route = defineRoute({
  operationId: "backups.download",
  method: "get",
  path: "/v1/backups/{backupId}/download",
  tags: ["backups"],
  summary: "The backup's objects as a tar archive (owners only; audited)",
  description:
    "`manifest.json` (tables with row counts and SHA-256, parts with sizes and hashes), then each part as stored: gzip NDJSON encrypted with AES-256-GCM (12-byte IV first) under the tenant's key.",
  request: { params: BackupParams },
  responses: {
    200: { description: "The tar archive.", content: { "application/x-tar": { schema: z.string() } } },
    404: json(ProblemSchema, "No such backup in this tenant."),
    409: json(ProblemSchema, "The backup is not completed."),
  },
});

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const backupId = c.req.valid("param").backupId;
  const stream = await downloadBackup(c.get("services").db(), c.env.BACKUPS, currentActor(c), backupId);
  return c.body(stream, 200, {
    "content-type": "application/x-tar",
    "content-disposition": `attachment; filename="backup-${backupId}.tar"`,
    "cache-control": "no-store",
  });
};
