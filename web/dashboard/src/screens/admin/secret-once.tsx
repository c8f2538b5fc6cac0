import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { CopyField } from "./copy-field.tsx";

/** A secret just made: copy it now, it is never shown again. */
export function SecretOnce({ title, label, secret, onDone }: { title: string; label: string; secret: string; onDone(): void }) {
  const t = useT();
  return (
    <section className="secret-once" aria-label={title}>
      <p className="alert-title">{title}</p>
      <p>{t("admin.secretOnce.warning")}</p>
      <CopyField label={label} value={secret} />
      <Button variant="primary" onClick={onDone}>
        {t("admin.secretOnce.done")}
      </Button>
    </section>
  );
}
