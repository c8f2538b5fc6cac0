import { useFormat, useT } from "../../i18n/i18n.tsx";
import { SelectField } from "../../ui/field.tsx";
import { statusLabel, triggerLabel } from "./labels.ts";
import type { Run } from "./run-model.ts";

/** Chooses which run the screen shows: each with its date, as-of date, status and what started it. */
export function RunPicker({ runs, current, selected, onChoose }: { runs: Run[]; current: Run | undefined; selected: string | null; onChoose(id: string): void }) {
  const t = useT();
  const f = useFormat();
  // A run older than the list, or one just started, is still named in the picker.
  const shown = current && !runs.some((run) => run.id === current.id) ? [current, ...runs] : runs;
  const listed = selected && !shown.some((run) => run.id === selected) ? [{ id: selected, label: selected }] : [];
  return (
    <div className="toolbar">
      <SelectField label={t("analytics.picker.label")} value={selected ?? ""} onChange={(event) => onChoose(event.target.value)} className="run-picker">
        {listed.map((run) => (
          <option key={run.id} value={run.id}>
            {run.label}
          </option>
        ))}
        {shown.map((run) => (
          <option key={run.id} value={run.id}>
            {t("analytics.picker.option", {
              created: f.dateTime(run.createdAt),
              asOf: f.date(run.asOf),
              status: statusLabel(t, run.status),
              trigger: triggerLabel(t, run.trigger),
            })}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
