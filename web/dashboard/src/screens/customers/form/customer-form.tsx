import type { FormEvent, ReactNode } from "react";
import { ApiError } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Checkbox, SelectField, TextField } from "../../../ui/field.tsx";
import { Card } from "../../../ui/page.tsx";
import type { Attribute } from "../customer-api.ts";
import { COMPANY_SIZES, GENDERS, type ProfileField } from "../fields.ts";
import { AttributeInput } from "./attribute-input.tsx";
import type { FormValues } from "./form-values.ts";

const GROUPS: { title: "identity" | "address" | "business"; fields: ProfileField[] }[] = [
  { title: "identity", fields: ["name", "email", "phone", "birthday", "gender", "source"] },
  { title: "address", fields: ["addressLine1", "addressLine2", "city", "region", "postalCode", "country"] },
  { title: "business", fields: ["company", "jobTitle", "industry", "companySize", "creditTermsDays"] },
];

const INPUT_TYPES: Partial<Record<ProfileField, string>> = { email: "email", phone: "tel", birthday: "date", creditTermsDays: "number" };
const AUTOCOMPLETE: Partial<Record<ProfileField, string>> = { name: "off", email: "off", phone: "off" };

type Props = {
  values: FormValues;
  onChange(values: FormValues): void;
  attributes: Attribute[];
  error: unknown;
  busy: boolean;
  submitLabel: string;
  onSubmit(): void;
  extra?: ReactNode;
};

/** A customer's fields grouped as the profile reads them, with each field's problem next to it. */
export function CustomerForm({ values, onChange, attributes, error, busy, submitLabel, onSubmit, extra }: Props) {
  const t = useT();
  const issue = (path: string) => (error instanceof ApiError ? error.issueAt(path) : undefined);
  const setField = (field: ProfileField, value: string) => onChange({ ...values, fields: { ...values.fields, [field]: value } });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  const input = (field: ProfileField) => {
    const common = { key: field, label: t(`customers.fields.${field}`), error: issue(`json.${field}`), value: values.fields[field] };
    if (field === "gender" || field === "companySize") {
      const options = field === "gender" ? GENDERS.map((value) => ({ value, label: t(`customers.genders.${value}`) })) : COMPANY_SIZES.map((value) => ({ value, label: value }));
      return (
        <SelectField {...common} onChange={(event) => setField(field, event.target.value)}>
          <option value="">{t("customers.form.notSet")}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      );
    }
    return (
      <TextField
        {...common}
        type={INPUT_TYPES[field] ?? "text"}
        autoComplete={AUTOCOMPLETE[field]}
        hint={field === "phone" ? t("customers.form.phoneHint") : field === "country" ? t("customers.form.countryHint") : field === "creditTermsDays" ? t("customers.form.creditHint") : undefined}
        min={field === "creditTermsDays" ? 0 : undefined}
        onChange={(event) => setField(field, event.target.value)}
      />
    );
  };
  return (
    <form onSubmit={submit} noValidate className="customer-form">
      {error instanceof ApiError && error.problem.issues?.length ? (
        <Alert tone="error" title={t("customers.form.invalid")}>
          <p>{t("customers.form.fixFields")}</p>
        </Alert>
      ) : (
        <ErrorAlert error={error} />
      )}
      <div className="grid">
        {GROUPS.map((group) => (
          <Card key={group.title} title={t(`customers.form.groups.${group.title}`)}>
            {group.fields.map(input)}
          </Card>
        ))}
        <Card title={t("customers.form.groups.consent")}>
          <Checkbox label={t("customers.fields.emailConsent")} checked={values.emailConsent} onChange={(event) => onChange({ ...values, emailConsent: event.target.checked })} />
          <Checkbox label={t("customers.fields.smsConsent")} checked={values.smsConsent} onChange={(event) => onChange({ ...values, smsConsent: event.target.checked })} />
        </Card>
        {attributes.length > 0 && (
          <Card title={t("customers.attributes.title")}>
            {attributes.map((attribute) => (
              <AttributeInput
                key={attribute.key}
                attribute={attribute}
                value={values.attributes[attribute.key] ?? ""}
                error={issue(`json.attributes.${attribute.key}`)}
                onChange={(value) => onChange({ ...values, attributes: { ...values.attributes, [attribute.key]: value } })}
              />
            ))}
          </Card>
        )}
      </div>
      {extra}
      <div className="row form-actions">
        <Button type="submit" variant="primary" busy={busy}>
          {busy ? t("common.saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}
