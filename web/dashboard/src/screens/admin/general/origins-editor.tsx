import { useState, type KeyboardEvent } from "react";
import { useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { TextField } from "../../../ui/field.tsx";

/** What a browser sends as Origin for an address typed with or without a path ("https://shop.example.com/"). */
function toOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

/** The widget's allowed origins: a list to add to and remove from; each item's problem from the API shows beside it. */
export function OriginsEditor({ origins, onChange, disabled, errorAt }: { origins: string[]; onChange(next: string[]): void; disabled?: boolean; errorAt(index: number): string | undefined }) {
  const t = useT();
  const [draft, setDraft] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const add = () => {
    const origin = toOrigin(draft);
    if (!origin) return setProblem(t("admin.general.originInvalid"));
    setProblem(undefined);
    setDraft("");
    if (!origins.includes(origin)) onChange([...origins, origin]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    add();
  };
  return (
    <fieldset className="radio-group" disabled={disabled}>
      <legend>{t("admin.general.allowedOrigins")}</legend>
      <p className="field-hint">{t("admin.general.allowedOriginsHint")}</p>
      {origins.length === 0 ? (
        <p className="muted">{t("admin.general.noOrigins")}</p>
      ) : (
        <ul className="list-editor" aria-label={t("admin.general.allowedOrigins")}>
          {origins.map((origin, index) => (
            <li key={origin}>
              <span>
                <code>{origin}</code>
                {errorAt(index) && <span className="field-error"> {errorAt(index)}</span>}
              </span>
              <Button variant="ghost" onClick={() => onChange(origins.filter((other) => other !== origin))} aria-label={t("admin.general.removeOrigin", { origin })}>
                {t("admin.general.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="copy-field">
        <TextField label={t("admin.general.addOrigin")} placeholder="https://shop.example.com" value={draft} error={problem} onKeyDown={onKeyDown} onChange={(event) => setDraft(event.target.value)} />
        <Button onClick={add}>{t("admin.general.add")}</Button>
      </div>
    </fieldset>
  );
}
