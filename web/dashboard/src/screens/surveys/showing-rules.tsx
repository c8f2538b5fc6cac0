import { useT } from "../../i18n/i18n.tsx";
import { Checkbox, SelectField, TextField } from "../../ui/field.tsx";
import { Card } from "../../ui/page.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { TRIGGERS, type Showing } from "./model.ts";

type Props = { showing: Showing; issues: DefinitionIssues; disabled: boolean; onChange(showing: Showing): void };

const whole = (value: string) => (value === "" ? undefined : Math.round(Number(value)));

/** When the widget offers the survey: the trigger and its setting, the share of visitors asked, and when to ask again. */
export function ShowingRules({ showing, issues, disabled, onChange }: Props) {
  const t = useT();
  const { delaySeconds: _d, scrollPercent: _s, urlPattern: _u, eventName: _e, ...rest } = showing;
  const setTrigger = (trigger: Showing["trigger"]) => {
    const next: Showing = { ...rest, trigger };
    if (trigger === "delay") next.delaySeconds = showing.delaySeconds ?? 5;
    if (trigger === "scroll") next.scrollPercent = showing.scrollPercent ?? 50;
    if (trigger === "url") next.urlPattern = showing.urlPattern ?? "*/thanks*";
    if (trigger === "event") next.eventName = showing.eventName ?? "order_placed";
    onChange(next);
  };
  return (
    <Card title={t("surveys.builder.showing.title")}>
      <div className="question-grid">
        <SelectField label={t("surveys.builder.showing.trigger")} value={showing.trigger} disabled={disabled} error={issues.at("showing.trigger")} onChange={(event) => setTrigger(event.target.value as Showing["trigger"])}>
          {TRIGGERS.map((trigger) => (
            <option key={trigger} value={trigger}>{t(`surveys.builder.showing.triggers.${trigger}`)}</option>
          ))}
        </SelectField>
        {showing.trigger === "delay" && (
          <TextField label={t("surveys.builder.showing.delay")} type="number" min={0} max={3600} value={showing.delaySeconds ?? ""} disabled={disabled} error={issues.at("showing.delaySeconds")} onChange={(event) => onChange({ ...showing, delaySeconds: whole(event.target.value) })} />
        )}
        {showing.trigger === "scroll" && (
          <TextField label={t("surveys.builder.showing.scroll")} type="number" min={0} max={100} value={showing.scrollPercent ?? ""} disabled={disabled} error={issues.at("showing.scrollPercent")} onChange={(event) => onChange({ ...showing, scrollPercent: whole(event.target.value) })} />
        )}
        {showing.trigger === "url" && (
          <TextField label={t("surveys.builder.showing.url")} hint={t("surveys.builder.showing.urlHint")} value={showing.urlPattern ?? ""} disabled={disabled} error={issues.at("showing.urlPattern")} onChange={(event) => onChange({ ...showing, urlPattern: event.target.value || undefined })} />
        )}
        {showing.trigger === "event" && (
          <TextField label={t("surveys.builder.showing.event")} hint={t("surveys.builder.showing.eventHint", { name: showing.eventName ?? "order_placed" })} value={showing.eventName ?? ""} disabled={disabled} error={issues.at("showing.eventName")} onChange={(event) => onChange({ ...showing, eventName: event.target.value || undefined })} />
        )}
        <TextField
          label={t("surveys.builder.showing.sampling")}
          hint={t("surveys.builder.showing.samplingHint")}
          type="number"
          min={0}
          max={100}
          step="any"
          value={showing.samplingPercent}
          disabled={disabled}
          error={issues.at("showing.samplingPercent")}
          onChange={(event) => onChange({ ...showing, samplingPercent: event.target.value === "" ? 0 : Number(event.target.value) })}
        />
      </div>
      <div className="question-grid">
        <Checkbox label={t("surveys.builder.showing.recontact")} checked={showing.recontactDays !== null} disabled={disabled} onChange={(event) => onChange({ ...showing, recontactDays: event.target.checked ? 90 : null })} />
        {showing.recontactDays !== null ? (
          <TextField label={t("surveys.builder.showing.recontactDays")} type="number" min={0} max={3650} value={showing.recontactDays} disabled={disabled} error={issues.at("showing.recontactDays")} onChange={(event) => onChange({ ...showing, recontactDays: whole(event.target.value) ?? 0 })} />
        ) : (
          <p className="field-hint">{t("surveys.builder.showing.once")}</p>
        )}
      </div>
    </Card>
  );
}
