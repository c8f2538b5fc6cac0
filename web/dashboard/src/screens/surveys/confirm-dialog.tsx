import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";

type Props = { open: boolean; title: string; body: string; extra?: string | undefined; confirmLabel: string; danger?: boolean; busy: boolean; error: unknown; onConfirm(): void; onClose(): void };

/** A yes-or-no question before a step that visitors will notice (publish, close) or that cannot be undone (delete). */
export function ConfirmDialog({ open, title, body, extra, confirmLabel, danger, busy, error, onConfirm, onClose }: Props) {
  const t = useT();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button variant={danger ? "danger" : "primary"} busy={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <p>{body}</p>
      {extra && <p className="muted">{extra}</p>}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
