import type { FormEvent, ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";
import { Button } from "./button.tsx";
import { Dialog } from "./dialog.tsx";

type Props = { open: boolean; title: string; formId: string; submitLabel: string; busy: boolean; onSubmit(): void; onClose(): void; children: ReactNode };

/** A dialog holding one form: Cancel and the form's own submit button in its footer, so Enter submits too. */
export function FormDialog({ open, title, formId, submitLabel, busy, onSubmit, onClose, children }: Props) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button variant="primary" type="submit" form={formId} busy={busy}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        {children}
      </form>
    </Dialog>
  );
}
