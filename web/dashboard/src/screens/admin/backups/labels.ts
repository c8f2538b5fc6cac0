import type { MessageKey } from "../../../i18n/translate.ts";
import type { api } from "../../../api/client.ts";
import type { Ok } from "../../../api/problem.ts";

export type Backup = Ok<Awaited<ReturnType<(typeof api.v1.backups)[":backupId"]["$get"]>>>;
export type RestoreStatus = NonNullable<Backup["restore"]>["status"];

/** The steps of a restore in order, as the API reports them. */
export const RESTORE_STEPS = ["queued", "verifying", "safety_backup", "applying", "completed"] as const satisfies readonly RestoreStatus[];

export const backupStatusLabel = (status: Backup["status"]): MessageKey => `admin.backups.status.${status}`;
export const restoreStatusLabel = (status: RestoreStatus): MessageKey => `admin.backups.restoreStatus.${status}`;
export const triggerLabel = (trigger: Backup["trigger"]): MessageKey => `admin.backups.trigger.${trigger}`;

export const isBusy = (status: string) => status === "queued" || status === "running";
export const restoreBusy = (backup: Backup) => Boolean(backup.restore && backup.restore.status !== "completed" && backup.restore.status !== "failed");

export function statusChip(status: string): string {
  if (status === "completed") return "chip chip-success";
  if (status === "failed") return "chip chip-danger";
  return "chip";
}
