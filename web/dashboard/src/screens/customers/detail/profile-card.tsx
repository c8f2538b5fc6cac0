import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Card } from "../../../ui/page.tsx";
import type { Customer } from "../customer-api.ts";
import { fieldText, PROFILE_FIELDS, type ProfileField } from "../fields.ts";

/** A country code as the country's name in the interface's language, with the code beside it. */
function countryName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "region" }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** The descriptive fields as a definition list; empty fields are left out, consent always shows. */
export function ProfileCard({ customer }: { customer: Customer }) {
  const t = useT();
  const f = useFormat();
  const shown = (field: ProfileField) => {
    const text = fieldText(customer, field);
    if (text === null) return null;
    if (field === "gender") return t(`customers.genders.${customer.gender!}`);
    if (field === "birthday") return f.date(`${text}T12:00:00Z`);
    if (field === "country") return countryName(text, f.locale);
    if (field === "creditTermsDays") return t("customers.profile.days", { n: f.integer(Number(text)) });
    return text;
  };
  const filled = PROFILE_FIELDS.flatMap((field) => {
    const value = shown(field);
    return value === null ? [] : [{ field, value }];
  });
  return (
    <Card title={t("customers.profile.title")}>
      <dl className="details">
        {filled.map(({ field, value }) => (
          <div key={field} className="details-row">
            <dt>{t(`customers.fields.${field}`)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="details-row">
          <dt>{t("customers.fields.emailConsent")}</dt>
          <dd>{customer.emailConsent ? t("customers.profile.consented") : t("customers.profile.notConsented")}</dd>
        </div>
        <div className="details-row">
          <dt>{t("customers.fields.smsConsent")}</dt>
          <dd>{customer.smsConsent ? t("customers.profile.consented") : t("customers.profile.notConsented")}</dd>
        </div>
        <div className="details-row">
          <dt>{t("customers.fields.createdAt")}</dt>
          <dd>{f.dateTime(customer.createdAt)}</dd>
        </div>
        <div className="details-row">
          <dt>{t("customers.fields.updatedAt")}</dt>
          <dd>{f.dateTime(customer.updatedAt)}</dd>
        </div>
      </dl>
      {filled.length === 0 && <p className="muted">{t("customers.profile.empty")}</p>}
    </Card>
  );
}
