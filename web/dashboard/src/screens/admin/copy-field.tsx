import { useId, useState } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";

/** A read-only value (a URL, a secret, an invite link) with a button that copies it. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const hintId = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-field-wrap">
      <div className="copy-field">
        <TextField label={label} value={value} readOnly aria-describedby={hint ? hintId : undefined} onFocus={(event) => event.currentTarget.select()} />
        <Button onClick={() => void copy()} aria-label={t("admin.copy.labelled", { label })}>
          {copied ? t("admin.copy.copied") : t("admin.copy.copy")}
        </Button>
        <span className="visually-hidden" role="status">
          {copied ? t("admin.copy.copied") : ""}
        </span>
      </div>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  );
}
