import { useT } from "../../i18n/i18n.tsx";
import type { Import, ImportStatus } from "./import-api.ts";

const TONE: Record<ImportStatus, string> = {
  uploaded: "chip",
  validating: "chip chip-warning",
  validated: "chip",
  running: "chip chip-warning",
  done: "chip chip-success",
  failed: "chip chip-danger",
};

/** An import's status as a coloured, translated chip. */
export function ImportStatusChip({ status }: { status: ImportStatus }) {
  const t = useT();
  return <span className={TONE[status]}>{t(`imports.status.${status}`)}</span>;
}

/**
 * How far the dry run or the run has got, 0 to 1: bytes committed over the file's size, which the
 * API knows exactly for UTF-8 files; null (an indeterminate bar) when it cannot tell.
 */
export function importRatio(item: Pick<Import, "status" | "bytesDone" | "sizeBytes" | "progress">): number | null {
  if (item.status === "done" || item.status === "validated") return 1;
  if (item.bytesDone !== null && item.sizeBytes > 0) return Math.min(1, item.bytesDone / item.sizeBytes);
  return item.progress.rowsDone === 0 ? 0 : null;
}

/** The file's rows estimated from the share of its bytes read so far; null until a batch is in. */
export function estimatedRows(item: Pick<Import, "bytesDone" | "sizeBytes" | "progress">): number | null {
  if (!item.bytesDone || item.progress.rowsDone === 0) return null;
  return Math.max(item.progress.rowsDone, Math.round((item.progress.rowsDone * item.sizeBytes) / item.bytesDone));
}
