import { useState, type ReactNode } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { TextField } from "../../ui/field.tsx";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: unknown;
  /** When set, the confirm button waits until exactly this is typed. */
  typeToConfirm?: { label: string; value: string };
  onConfirm(): void;
  onClose(): void;
};

/** Asks before something that cannot be undone; the API's refusal shows inside the dialog. */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, error, typeToConfirm, onConfirm, onClose }: Props) {
  const t = useT();
  const [typed, setTyped] = useState("");
  const close = () => {
    setTyped("");
    onClose();
  };
  const ready = !typeToConfirm || typed.trim() === typeToConfirm.value.trim();
  return (
    <Dialog
      open={open}
      title={title}
      onClose={close}
      footer={
        <>
          <Button onClick={close}>{t("common.cancel")}</Button>
          <Button variant="danger" busy={busy} disabled={!ready} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {typeToConfirm && <TextField label={typeToConfirm.label} value={typed} autoComplete="off" onChange={(event) => setTyped(event.target.value)} />}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
