import { useState, type ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";
import { ErrorAlert } from "./alert.tsx";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";
import { TextField } from "./field.tsx";

type Props = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A step that cannot be undone is red (the default); one that is only noticed, blue. */
  tone?: "danger" | "primary";
  busy?: boolean;
  error?: unknown;
  /** When set, the confirm button waits until exactly this is typed. */
  typeToConfirm?: { label: string; value: string };
  onConfirm(): void;
  onClose(): void;
};

/** Asks before a step that cannot be undone or that others will notice; the API's refusal shows inside the dialog. */
export function ConfirmDialog({ open, title, children, confirmLabel, tone = "danger", busy, error, typeToConfirm, onConfirm, onClose }: Props) {
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
          <Button variant={tone} busy={busy} disabled={!ready} onClick={onConfirm}>
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
