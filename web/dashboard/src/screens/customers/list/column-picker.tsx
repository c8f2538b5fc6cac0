import { useT } from "../../../i18n/i18n.tsx";
import { Checkbox } from "../../../ui/field.tsx";
import type { Attribute } from "../customer-api.ts";
import { attributeColumn, DEFAULT_COLUMNS, OPTIONAL_COLUMNS } from "./columns.tsx";

/** Which columns the table shows: a checkbox per field and per custom attribute; the name always shows. */
export function ColumnPicker({ chosen, attributes, onChange }: { chosen: string[]; attributes: Attribute[]; onChange(columns: string[]): void }) {
  const t = useT();
  const options = [
    ...OPTIONAL_COLUMNS.map((key) => ({ key: key as string, label: t(`customers.fields.${key}`) })),
    ...attributes.map((attribute) => ({ key: attributeColumn(attribute.key), label: attribute.label })),
  ];
  const toggle = (key: string, on: boolean) => onChange(on ? [...chosen, key] : chosen.filter((column) => column !== key));
  return (
    <details className="popover">
      <summary className="button button-secondary">{t("customers.columns.button", { n: chosen.length + 1 })}</summary>
      <fieldset className="popover-panel column-picker">
        <legend>{t("customers.columns.legend")}</legend>
        {options.map((option) => (
          <Checkbox key={option.key} label={option.label} checked={chosen.includes(option.key)} onChange={(event) => toggle(option.key, event.target.checked)} />
        ))}
        <button type="button" className="button button-ghost" onClick={() => onChange(DEFAULT_COLUMNS)}>
          {t("customers.columns.reset")}
        </button>
      </fieldset>
    </details>
  );
}
