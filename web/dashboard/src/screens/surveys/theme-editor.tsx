import { useId } from "react";
import { contrastRatio } from "../../../../../src/surveys/contrast.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { SelectField, TextField } from "../../ui/field.tsx";
import { Card } from "../../ui/page.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { MIN_CONTRAST, POSITIONS, type Theme } from "./model.ts";

type Props = { theme: Theme; issues: DefinitionIssues; disabled: boolean; onChange(theme: Theme): void };

const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const full = (hex: string) => (hex.length === 4 ? `#${[...hex.slice(1)].map((d) => d + d).join("")}` : hex);

function Colour({ label, value, error, disabled, onChange }: { label: string; value: string; error?: string | undefined; disabled: boolean; onChange(value: string): void }) {
  const t = useT();
  const pickerId = useId();
  return (
    <div className="colour-field">
      <TextField label={label} value={value} disabled={disabled} error={error} spellCheck={false} maxLength={7} onChange={(event) => onChange(event.target.value.trim())} />
      <label className="visually-hidden" htmlFor={pickerId}>{t("surveys.builder.theme.pick", { colour: label })}</label>
      <input id={pickerId} type="color" className="colour-picker" value={HEX.test(value) ? full(value) : "#000000"} disabled={disabled} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}

/** The widget's colours and place on the page, with the contrast of text on background checked as the API will (WCAG AA). */
export function ThemeEditor({ theme, issues, disabled, onChange }: Props) {
  const t = useT();
  const f = useFormat();
  const valid = HEX.test(theme.text) && HEX.test(theme.background);
  const ratio = valid ? contrastRatio(theme.text, theme.background) : null;
  const low = ratio !== null && ratio < MIN_CONTRAST;
  const apiIssue = issues.at("theme.text");
  return (
    <Card title={t("surveys.builder.theme.title")}>
      <div className="question-grid">
        <Colour label={t("surveys.builder.theme.primary")} value={theme.primary} disabled={disabled} error={issues.at("theme.primary")} onChange={(primary) => onChange({ ...theme, primary })} />
        <Colour label={t("surveys.builder.theme.background")} value={theme.background} disabled={disabled} error={issues.at("theme.background")} onChange={(background) => onChange({ ...theme, background })} />
        <Colour
          label={t("surveys.builder.theme.text")}
          value={theme.text}
          disabled={disabled}
          error={apiIssue ?? (low ? t("surveys.builder.theme.lowContrast", { ratio: f.number(ratio) }) : undefined)}
          onChange={(text) => onChange({ ...theme, text })}
        />
        <SelectField label={t("surveys.builder.theme.position")} value={theme.position} disabled={disabled} onChange={(event) => onChange({ ...theme, position: event.target.value as Theme["position"] })}>
          {POSITIONS.map((position) => (
            <option key={position} value={position}>{t(`surveys.builder.theme.positions.${position}`)}</option>
          ))}
        </SelectField>
      </div>
      {ratio !== null && (
        <p className={low ? "field-error" : "muted small"} role="status">
          {t("surveys.builder.theme.contrast", { ratio: f.number(ratio), min: f.number(MIN_CONTRAST) })}
        </p>
      )}
    </Card>
  );
}
