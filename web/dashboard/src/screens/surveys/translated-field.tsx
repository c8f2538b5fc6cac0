import { useI18n } from "../../i18n/i18n.tsx";
import { TextArea, TextField } from "../../ui/field.tsx";
import { languageName, setText, type Text } from "./model.ts";

type Props = {
  label: string;
  text: Text;
  language: string;
  defaultLanguage: string;
  onChange(text: Text): void;
  error?: string | undefined;
  multiline?: boolean;
  disabled?: boolean;
};

/**
 * One translatable text, edited in the language being worked on. A translation shows the default
 * language's text beside it, and a missing one is flagged: required in the default language,
 * "not yet translated" in the others (the widget then falls back to the default).
 */
export function TranslatedField({ label, text, language, defaultLanguage, onChange, error, multiline, disabled }: Props) {
  const { t, language: ui } = useI18n();
  const value = text[language] ?? "";
  const isDefault = language === defaultLanguage;
  const missing = value === "";
  const source = text[defaultLanguage];
  const hint = [
    !isDefault && source ? t("surveys.builder.translation.source", { language: languageName(defaultLanguage, ui), text: source }) : null,
    !isDefault && missing ? t("surveys.builder.translation.missing") : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const shown = error ?? (isDefault && missing ? t("surveys.builder.translation.required") : undefined);
  const common = {
    label: `${label} (${languageName(language, ui)})`,
    value,
    lang: language,
    hint: hint || undefined,
    error: shown,
    disabled,
    className: !isDefault && missing ? "field-missing" : undefined,
  };
  const change = (next: string) => onChange(setText(text, language, next));
  return multiline ? (
    <TextArea {...common} rows={2} maxLength={2000} onChange={(event) => change(event.target.value)} />
  ) : (
    <TextField {...common} maxLength={2000} onChange={(event) => change(event.target.value)} />
  );
}
