import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useAccount } from "../../../account/account.tsx";
import { ApiError } from "../../../api/problem.ts";
import { useI18n, useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { Card, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError, MANAGERS } from "../access.tsx";
import { currencies, displayName, LOCALES, sample, timeZones } from "./choices.ts";
import { OriginsEditor } from "./origins-editor.tsx";
import { saveSettings, settingsQuery, type Settings } from "./settings-query.ts";

const FIELDS = ["name", "timezone", "currency", "locale", "defaultCountry", "allowedOrigins", "webhookRetentionDays", "globalRecontactDays"] as const;
const withCurrent = (values: string[], current: string) => (values.includes(current) ? values : [current, ...values]);

function SettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const { language } = useI18n();
  const queryClient = useQueryClient();
  const editable = useAccount().hasRole(...MANAGERS);
  const [form, setForm] = useState(() => ({
    name: settings.name,
    timezone: settings.timezone,
    currency: settings.currency,
    locale: settings.locale,
    defaultCountry: settings.defaultCountry ?? "",
    allowedOrigins: settings.allowedOrigins,
    webhookRetentionDays: String(settings.webhookRetentionDays),
    globalRecontactDays: settings.globalRecontactDays === null ? "" : String(settings.globalRecontactDays),
  }));
  const set = <K extends keyof typeof form>(name: K, value: (typeof form)[K]) => setForm((previous) => ({ ...previous, [name]: value }));
  const zones = useMemo(() => withCurrent(timeZones(), settings.timezone), [settings.timezone]);
  const codes = useMemo(() => withCurrent(currencies(), settings.currency), [settings.currency]);
  const save = useMutation({
    mutationFn: () =>
      saveSettings(queryClient, {
        name: form.name,
        timezone: form.timezone,
        currency: form.currency,
        locale: form.locale,
        defaultCountry: form.defaultCountry.trim() ? form.defaultCountry.trim() : null,
        allowedOrigins: form.allowedOrigins,
        webhookRetentionDays: Number(form.webhookRetentionDays),
        globalRecontactDays: form.globalRecontactDays.trim() ? Number(form.globalRecontactDays) : null,
      }),
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const fieldError = (field: string) => error?.issueAt(`json.${field}`);
  const unplaced = error && !FIELDS.some((field) => error.problem.issues?.some((issue) => issue.path.startsWith(`json.${field}`)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const country = form.defaultCountry.trim().length === 2 ? displayName(language, "region", form.defaultCountry.trim().toUpperCase()) : null;
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      {!editable && <Alert tone="info">{t("admin.general.readOnly")}</Alert>}
      <fieldset className="radio-group" disabled={!editable}>
        <Card title={t("admin.general.company")}>
          <TextField label={t("admin.general.name")} required value={form.name} error={fieldError("name")} onChange={(event) => set("name", event.target.value)} />
        </Card>
        <Card title={t("admin.general.formats")}>
          <div className="form-grid">
            <SelectField label={t("admin.general.timezone")} value={form.timezone} error={fieldError("timezone")} onChange={(event) => set("timezone", event.target.value)}>
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll("_", " ")}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("admin.general.currency")} value={form.currency} error={fieldError("currency")} onChange={(event) => set("currency", event.target.value)}>
              {codes.map((code) => (
                <option key={code} value={code}>
                  {code} · {displayName(language, "currency", code)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("admin.general.locale")} value={form.locale} error={fieldError("locale")} hint={t("admin.general.localeHint")} onChange={(event) => set("locale", event.target.value)}>
              {withCurrent(LOCALES, settings.locale).map((code) => (
                <option key={code} value={code}>
                  {displayName(language, "language", code)} ({code})
                </option>
              ))}
            </SelectField>
            <TextField
              label={t("admin.general.defaultCountry")}
              value={form.defaultCountry}
              maxLength={2}
              placeholder="GB"
              error={fieldError("defaultCountry")}
              hint={country ? t("admin.general.defaultCountryNamed", { country }) : t("admin.general.defaultCountryHint")}
              onChange={(event) => set("defaultCountry", event.target.value.toUpperCase())}
            />
          </div>
          <p className="muted small">{t("admin.general.sample", { sample: sample(form.locale, form.currency, form.timezone) })}</p>
        </Card>
        <Card title={t("admin.general.widget")}>
          <OriginsEditor origins={form.allowedOrigins} disabled={!editable} onChange={(next) => set("allowedOrigins", next)} errorAt={(index) => fieldError(`allowedOrigins.${index}`)} />
          <TextField
            label={t("admin.general.recontactDays")}
            type="number"
            min={1}
            value={form.globalRecontactDays}
            hint={t("admin.general.recontactHint")}
            error={fieldError("globalRecontactDays")}
            onChange={(event) => set("globalRecontactDays", event.target.value)}
          />
        </Card>
        <Card title={t("admin.general.retention")}>
          <TextField
            label={t("admin.general.webhookRetention")}
            type="number"
            min={1}
            max={3650}
            value={form.webhookRetentionDays}
            hint={t("admin.general.webhookRetentionHint")}
            error={fieldError("webhookRetentionDays")}
            onChange={(event) => set("webhookRetentionDays", event.target.value)}
          />
        </Card>
      </fieldset>
      {unplaced && <AdminError error={save.error} />}
      {error && !unplaced && <Alert tone="error">{t("admin.general.fixFields")}</Alert>}
      {save.isSuccess && !save.isPending && <Alert tone="success">{t("admin.general.saved")}</Alert>}
      {editable && (
        <Button type="submit" variant="primary" busy={save.isPending}>
          {save.isPending ? t("common.saving") : t("common.save")}
        </Button>
      )}
    </form>
  );
}

/** The tenant's settings: name, formats, the widget's origins, retention. Everyone reads them; managers change them. */
export function SettingsScreen() {
  const t = useT();
  const settings = useQuery(settingsQuery);
  return (
    <Page title={t("admin.general.title")} description={t("admin.general.description")}>
      <QueryState query={settings}>{(data) => <SettingsForm settings={data} />}</QueryState>
    </Page>
  );
}
