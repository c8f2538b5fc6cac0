import { useT } from "../../../i18n/i18n.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { COMPANY_SIZES, GENDERS } from "../fields.ts";
import { FILTERS, TEXT_FILTERS, type FilterKey } from "./list-state.ts";

type Props = { filters: Partial<Record<FilterKey, string>>; onChange(key: FilterKey, value: string): void; onClear(): void };

/** The filters the list route supports, in a panel that says how many are on. */
export function FiltersPanel({ filters, onChange, onClear }: Props) {
  const t = useT();
  const active = FILTERS.filter((key) => filters[key]).length;
  const select = (key: FilterKey, options: { value: string; label: string }[]) => (
    <SelectField key={key} label={t(`customers.filters.${key}`)} value={filters[key] ?? ""} onChange={(event) => onChange(key, event.target.value)}>
      <option value="">{t("customers.filters.any")}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
  const consent = [
    { value: "true", label: t("customers.filters.consentGiven") },
    { value: "false", label: t("customers.filters.consentNotGiven") },
  ];
  return (
    <details className="customer-filters" open={active > 0 || undefined}>
      <summary>{active ? t("customers.filters.titleActive", { n: active }) : t("customers.filters.title")}</summary>
      <div className="customer-filters-grid">
        {TEXT_FILTERS.map((key) => (
          <TextField
            key={key}
            label={t(`customers.filters.${key}`)}
            hint={key === "tags" ? t("customers.filters.tagsHint") : undefined}
            defaultValue={filters[key] ?? ""}
            onBlur={(event) => event.target.value.trim() !== (filters[key] ?? "") && onChange(key, event.target.value.trim())}
            onKeyDown={(event) => event.key === "Enter" && onChange(key, event.currentTarget.value.trim())}
          />
        ))}
        {select("gender", GENDERS.map((value) => ({ value, label: t(`customers.genders.${value}`) })))}
        {select("companySize", COMPANY_SIZES.map((value) => ({ value, label: value })))}
        {select("emailConsent", consent)}
        {select("smsConsent", consent)}
        <TextField label={t("customers.filters.createdFrom")} type="date" value={filters.createdFrom ?? ""} onChange={(event) => onChange("createdFrom", event.target.value)} />
        <TextField label={t("customers.filters.createdTo")} type="date" value={filters.createdTo ?? ""} onChange={(event) => onChange("createdTo", event.target.value)} />
      </div>
      {active > 0 && (
        <button type="button" className="button button-ghost" onClick={onClear}>
          {t("customers.filters.clear")}
        </button>
      )}
    </details>
  );
}
