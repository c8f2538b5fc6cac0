import { useT } from "../../../i18n/i18n.tsx";
import { Checkbox, SelectField, TextField } from "../../../ui/field.tsx";
import type { Attribute } from "../customer-api.ts";

type Props = { attribute: Attribute; value: string | boolean | string[]; error?: string; onChange(value: string | boolean | string[]): void };

/** The input a custom attribute's type calls for: text, number, date, a yes/no box, one or several options. */
export function AttributeInput({ attribute, value, error, onChange }: Props) {
  const t = useT();
  if (attribute.type === "boolean") return <Checkbox className="field" label={attribute.label} checked={value === true} onChange={(event) => onChange(event.target.checked)} />;
  if (attribute.type === "enum")
    return (
      <SelectField label={attribute.label} error={error} value={String(value)} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t("customers.form.notSet")}</option>
        {attribute.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </SelectField>
    );
  if (attribute.type === "multi_enum") {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <fieldset className="field attribute-options">
        <legend>{attribute.label}</legend>
        {attribute.options.map((option) => (
          <Checkbox
            key={option}
            label={option}
            checked={chosen.includes(option)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, option] : chosen.filter((item) => item !== option))}
          />
        ))}
        {error && <p className="field-error">{error}</p>}
      </fieldset>
    );
  }
  return (
    <TextField
      label={attribute.label}
      error={error}
      type={attribute.type === "number" ? "number" : attribute.type === "date" ? "date" : "text"}
      value={String(value)}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
