import { useT } from "../../i18n/i18n.tsx";
import type { SurveyStatus } from "./model.ts";

const TONE: Record<SurveyStatus, string> = { draft: "chip", published: "chip chip-success", closed: "chip chip-warning" };

/** A survey's status as a coloured, translated label. */
export function StatusChip({ status }: { status: SurveyStatus }) {
  const t = useT();
  return <span className={TONE[status]}>{t(`surveys.status.${status}`)}</span>;
}
