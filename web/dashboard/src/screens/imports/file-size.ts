import type { Format } from "../../i18n/format.ts";
import type { MessageKey, Vars } from "../../i18n/translate.ts";

type T = (key: MessageKey, vars?: Vars) => string;

/** A file size in the largest unit under 1,024 of it, in the tenant's number format. */
export function fileSize(bytes: number, t: T, f: Format): string {
  if (bytes < 1024) return t("imports.size.bytes", { n: f.integer(bytes) });
  if (bytes < 1024 * 1024) return t("imports.size.kb", { n: f.number(Math.round((bytes / 1024) * 10) / 10) });
  return t("imports.size.mb", { n: f.number(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}
