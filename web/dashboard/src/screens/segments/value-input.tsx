import type { ReactNode } from "react";
import { useT } from "../../i18n/i18n.tsx";
import type { FieldInfo } from "./catalogue.ts";
import type { ConditionDraft } from "./filter-draft.ts";
import { choiceLabel } from "./labels.ts";

type Props = {
  id: string;
  n: number;
  condition: ConditionDraft;
  field: FieldInfo;
  onChange(change: Partial<ConditionDraft>): void;
  /** The API's complaint about the value, if any, with the id of the element that shows it. */
  error?: { id: string };
};

const inputType = (field: FieldInfo) => (field.kind === "number" ? "number" : field.kind === "date" ? "date" : "text");

/** The control a value is entered with: it follows the field's type and the operator chosen. */
export function ValueInput({ id, n, condition, field, onChange, error }: Props) {
  const t = useT();
  const invalid = error ? true : undefined;
  const describedBy = error?.id;
  const label = t("segments.builder.value");
  const name = t("segments.builder.valueOf", { n });
  const { op } = condition;

  if (op === "isNull" || op === "notNull") {
    return (
      <div className="condition-value condition-value-none">
        <span className="muted small">{t("segments.builder.noValue")}</span>
      </div>
    );
  }

  if (op === "between") {
    const part = (which: "value" | "to", text: ReactNode) => (
      <div className="field">
        <label htmlFor={`${id}-${which}`}>{text}</label>
        <input
          id={`${id}-${which}`}
          type={inputType(field)}
          step={field.kind === "number" ? "any" : undefined}
          value={condition[which]}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ [which]: event.target.value })}
        />
      </div>
    );
    return (
      <fieldset className="condition-value condition-range" aria-label={name}>
        <legend>{label}</legend>
        {part("value", t("segments.builder.from"))}
        {part("to", t("segments.builder.to"))}
      </fieldset>
    );
  }

  if (op === "in" && field.choices) {
    const toggle = (choice: string, on: boolean) => onChange({ picked: on ? [...condition.picked, choice] : condition.picked.filter((item) => item !== choice) });
    return (
      <fieldset className="condition-value condition-choices" aria-label={name} aria-describedby={describedBy}>
        <legend>{label}</legend>
        {field.choices.map((choice) => (
          <label key={choice} className="checkbox">
            <input type="checkbox" checked={condition.picked.includes(choice)} onChange={(event) => toggle(choice, event.target.checked)} />
            <span>{choiceLabel(t, field, choice)}</span>
          </label>
        ))}
      </fieldset>
    );
  }

  const select = (options: { value: string; label: string }[]) => (
    <select id={id} aria-label={name} value={condition.value} aria-invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange({ value: event.target.value })}>
      <option value="">{t("segments.builder.choose")}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );

  let control: ReactNode;
  let hint: ReactNode = null;
  if (field.kind === "boolean") {
    control = select([
      { value: "true", label: t("segments.builder.yes") },
      { value: "false", label: t("segments.builder.no") },
    ]);
  } else if (field.choices && op !== "in" && op !== "contains") {
    control = select(field.choices.map((choice) => ({ value: choice, label: choiceLabel(t, field, choice) })));
  } else if (op === "in") {
    hint = (
      <p className="field-hint" id={`${id}-hint`}>
        {t("segments.builder.listHint")}
      </p>
    );
    control = (
      <input
        id={id}
        aria-label={name}
        type="text"
        value={condition.value}
        aria-invalid={invalid}
        aria-describedby={[`${id}-hint`, describedBy].filter(Boolean).join(" ")}
        onChange={(event) => onChange({ value: event.target.value })}
      />
    );
  } else {
    control = (
      <input
        id={id}
        aria-label={name}
        type={inputType(field)}
        step={field.kind === "number" ? "any" : undefined}
        value={condition.value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => onChange({ value: event.target.value })}
      />
    );
  }
  return (
    <div className="field condition-value">
      <label htmlFor={id}>{label}</label>
      {control}
      {hint}
    </div>
  );
}
