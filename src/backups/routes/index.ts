import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../platform/context.ts";
import * as createBackup from "./create-backup.ts";
import * as downloadBackup from "./download-backup.ts";
import * as getBackup from "./get-backup.ts";
import * as listBackups from "./list-backups.ts";
import * as restoreBackup from "./restore-backup.ts";
import * as verifyBackup from "./verify-backup.ts";

export const backupRoutes = new OpenAPIHono<AppEnv>()
  .openapi(createBackup.route, createBackup.handler)
  .openapi(listBackups.route, listBackups.handler)
  .openapi(getBackup.route, getBackup.handler)
  .openapi(verifyBackup.route, verifyBackup.handler)
  .openapi(downloadBackup.route, downloadBackup.handler)
  .openapi(restoreBackup.route, restoreBackup.handler);
