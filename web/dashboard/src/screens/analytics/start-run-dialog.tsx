import { useState, type FormEvent } from "react";
import { ApiError } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";
import type { Run } from "./run-model.ts";
import { useStartRun } from "./run-queries.ts";

/** The end of a chosen day (UTC), or now when that is still to come: the API refuses an as-of date in the future. */
export function asOfFor(day: string, now = new Date()): string | undefined {
  if (!day) return undefined;
  const end = new Date(`${day}T23:59:59.999Z`);
  if (Number.isNaN(end.getTime())) return undefined;
  return end > now ? undefined : end.toISOString();
}

/** Starts a segmentation run, optionally as of a past day (orders after it are left out, as in a backtest). */
export function StartRunDialog({ open, onClose, onStarted }: { open: boolean; onClose(): void; onStarted(run: Run): void }) {
  const t = useT();
  const [day, setDay] = useState("");
  const start = useStartRun((run) => {
    setDay("");
    onStarted(run);
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(asOfFor(day));
  };
  const fieldError = start.error instanceof ApiError ? start.error.issueAt("json.asOf") : undefined;
  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Dialog open={open} title={t("analytics.start.title")} onClose={close}>
      <form onSubmit={submit}>
        <p>{t("analytics.start.explain")}</p>
        <TextField
          label={t("analytics.start.asOf")}
          hint={t("analytics.start.asOfHint")}
          type="date"
          value={day}
          max={new Date().toISOString().slice(0, 10)}
          onChange={(event) => setDay(event.target.value)}
          error={fieldError}
        />
        {start.error && !fieldError && <ErrorAlert error={start.error} />}
        <div className="row dialog-actions">
          <Button type="submit" variant="primary" busy={start.isPending}>
            {start.isPending ? t("analytics.start.starting") : t("analytics.start.submit")}
          </Button>
          <Button onClick={close}>{t("common.cancel")}</Button>
        </div>
      </form>
    </Dialog>
  );
}
