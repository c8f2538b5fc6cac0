import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { useT } from "../../i18n/i18n.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";

export type OptionValues = { dateOrder: "YMD" | "DMY" | "MDY"; currency: string; timeZone: string; source: string };

const DATE_ORDERS = ["YMD", "DMY", "MDY"] as const;

/** The import's stored options as form values (the API keeps them as an open record). */
export function optionsOf(options: Record<string, unknown>): OptionValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  const order = DATE_ORDERS.find((candidate) => candidate === options.dateOrder) ?? "YMD";
  return { dateOrder: order, currency: text(options.currency), timeZone: text(options.timeZone), source: text(options.source) };
}

/** How the file's values are read: date order, currency, time zone and the source recorded on new records. */
export function ImportOptions({ values, disabled, issueFor, onChange }: { values: OptionValues; disabled: boolean; issueFor(path: string): string | undefined; onChange(values: OptionValues): void }) {
  const t = useT();
  const { me } = useAccount();
  const currency = values.currency.trim().toUpperCase();
  const tenantCurrency = me?.tenant.currency;
  // Runs score orders in the tenant's currency only; say so before an import in another one.
  const otherCurrency = tenantCurrency && currency.length === 3 && currency !== tenantCurrency;
  return (
    <fieldset className="import-options" disabled={disabled}>
      <legend>{t("imports.options.title")}</legend>
      <SelectField label={t("imports.options.dateOrder")} value={values.dateOrder} onChange={(event) => onChange({ ...values, dateOrder: event.target.value as OptionValues["dateOrder"] })}>
        {DATE_ORDERS.map((order) => (
          <option key={order} value={order}>
            {t(`imports.options.dateOrders.${order}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t("imports.options.currency")}
        hint={
          otherCurrency ? (
            <>
              {t("imports.options.currencyHint")}{" "}
              <strong>{t("imports.options.otherCurrency", { currency, tenantCurrency })}</strong> <Link href="~/settings/general">{t("imports.options.changeCurrency")}</Link>
            </>
          ) : (
            t("imports.options.currencyHint")
          )
        }
        error={issueFor("options.currency")}
        value={values.currency}
        maxLength={3}
        autoComplete="off"
        onChange={(event) => onChange({ ...values, currency: event.target.value })}
      />
      <TextField
        label={t("imports.options.timeZone")}
        hint={t("imports.options.timeZoneHint")}
        error={issueFor("options.timeZone")}
        value={values.timeZone}
        autoComplete="off"
        onChange={(event) => onChange({ ...values, timeZone: event.target.value })}
      />
      <TextField
        label={t("imports.options.source")}
        hint={t("imports.options.sourceHint")}
        error={issueFor("options.source")}
        value={values.source}
        autoComplete="off"
        onChange={(event) => onChange({ ...values, source: event.target.value })}
      />
    </fieldset>
  );
}
