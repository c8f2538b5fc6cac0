import { useId, useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { TextField } from "../../ui/field.tsx";
import { Card } from "../../ui/page.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { canonicalLanguage, languageName, missingCount, withoutLanguage, type Definition } from "./model.ts";

const COMMON = ["en", "zh-CN", "zh-TW", "es", "fr", "de", "ja", "ko", "pt", "it", "ru", "ar"];

type Props = { definition: Definition; issues: DefinitionIssues; disabled: boolean; onChange(definition: Definition): void; editing: string; onEdit(language: string): void };

/** The survey's languages: add, remove, choose the default; each with how many texts it still lacks. */
export function LanguagesEditor({ definition, issues, disabled, onChange, editing, onEdit }: Props) {
  const { t, language: ui } = useI18n();
  const [adding, setAdding] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  const listId = useId();
  const add = () => {
    const tag = canonicalLanguage(adding);
    if (!tag) return setProblem(t("surveys.builder.languages.invalid"));
    if (definition.languages.includes(tag)) return setProblem(t("surveys.builder.languages.duplicate"));
    onChange({ ...definition, languages: [...definition.languages, tag] });
    onEdit(tag);
    setAdding("");
    setProblem(undefined);
  };
  const remove = (tag: string) => {
    onChange(withoutLanguage(definition, tag));
    if (editing === tag) onEdit(definition.defaultLanguage);
  };
  return (
    <Card title={t("surveys.builder.languages.title")}>
      {[issues.at("languages"), issues.at("defaultLanguage")].filter(Boolean).map((message) => (
        <p key={message} className="field-error">{message}</p>
      ))}
      <ul className="language-list">
        {definition.languages.map((tag) => {
          const missing = missingCount(definition, tag);
          const isDefault = tag === definition.defaultLanguage;
          return (
            <li key={tag} className="language-row">
              <span>
                <strong>{languageName(tag, ui)}</strong> <code>{tag}</code>
              </span>
              {isDefault && <span className="chip">{t("surveys.builder.languages.default")}</span>}
              {missing > 0 && <span className={isDefault ? "chip chip-danger" : "chip chip-warning"}>{t("surveys.builder.languages.missing", { n: missing })}</span>}
              <span className="language-actions">
                {!isDefault && (
                  <Button variant="ghost" disabled={disabled} onClick={() => onChange({ ...definition, defaultLanguage: tag })}>
                    {t("surveys.builder.languages.makeDefault", { language: languageName(tag, ui) })}
                  </Button>
                )}
                {!isDefault && (
                  <Button variant="ghost" disabled={disabled} onClick={() => remove(tag)} aria-label={t("surveys.builder.languages.remove", { language: languageName(tag, ui) })}>
                    {t("surveys.builder.languages.removeShort")}
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <TextField label={t("surveys.builder.languages.add")} hint={t("surveys.builder.languages.addHint")} list={listId} value={adding} disabled={disabled} error={problem} onChange={(event) => setAdding(event.target.value)} />
        <datalist id={listId}>
          {COMMON.filter((tag) => !definition.languages.includes(tag)).map((tag) => (
            <option key={tag} value={tag}>{languageName(tag, ui)}</option>
          ))}
        </datalist>
        <Button type="submit" disabled={disabled || adding.trim() === ""}>{t("surveys.builder.languages.addButton")}</Button>
      </form>
    </Card>
  );
}

/** Which language the builder's texts are being edited in; each choice says what it still lacks. */
export function EditingLanguage({ definition, editing, onEdit }: { definition: Definition; editing: string; onEdit(language: string): void }) {
  const { t, language: ui } = useI18n();
  if (definition.languages.length < 2) return null;
  return (
    <div className="editing-language" role="group" aria-label={t("surveys.builder.languages.editing")}>
      <span className="muted">{t("surveys.builder.languages.editing")}</span>
      {definition.languages.map((tag) => {
        const missing = missingCount(definition, tag);
        return (
          <Button key={tag} variant={tag === editing ? "primary" : "secondary"} aria-pressed={tag === editing} onClick={() => onEdit(tag)}>
            {languageName(tag, ui)}
            {missing > 0 && <span className="badge">{t("surveys.builder.languages.missingShort", { n: missing })}</span>}
          </Button>
        );
      })}
    </div>
  );
}
