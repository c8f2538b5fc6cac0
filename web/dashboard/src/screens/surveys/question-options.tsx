import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { Checkbox, TextField } from "../../ui/field.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { freshId, type Question, type Text } from "./model.ts";
import { TranslatedField } from "./translated-field.tsx";

type Props = {
  question: Question;
  path: string;
  language: string;
  defaultLanguage: string;
  issues: DefinitionIssues;
  disabled: boolean;
  onChange(question: Question): void;
};

/** The options of a single or multiple choice question: labels per language, stable ids, order, "other". */
export function QuestionOptions({ question, path, language, defaultLanguage, issues, disabled, onChange }: Props) {
  const t = useT();
  const options = question.options ?? [];
  const set = (next: typeof options) => onChange({ ...question, options: next });
  const move = (index: number, delta: number) => {
    const next = [...options];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    set(next);
  };
  const add = () => {
    const id = freshId(`option-${options.length + 1}`, options.map((option) => option.id));
    set([...options, { id, label: { [defaultLanguage]: t("surveys.builder.options.newLabel", { n: options.length + 1 }) } as Text }]);
  };
  return (
    <fieldset className="survey-fieldset">
      <legend>{t("surveys.builder.options.legend")}</legend>
      {issues.under(`${path}.options`).filter((issue) => issue.path === `${path}.options`).map((issue) => (
        <p key={issue.message} className="field-error">{issue.message}</p>
      ))}
      <ol className="option-list">
        {options.map((option, index) => {
          const n = index + 1;
          return (
            <li key={index} className="option-row">
              <TranslatedField
                label={t("surveys.builder.options.label", { n })}
                text={option.label}
                language={language}
                defaultLanguage={defaultLanguage}
                disabled={disabled}
                error={issues.at(`${path}.options.${index}.label`)}
                onChange={(label) => set(options.map((o, i) => (i === index ? { ...o, label } : o)))}
              />
              <TextField
                label={t("surveys.builder.options.id", { n })}
                value={option.id}
                disabled={disabled}
                error={issues.at(`${path}.options.${index}.id`)}
                onChange={(event) => set(options.map((o, i) => (i === index ? { ...o, id: event.target.value } : o)))}
              />
              <div className="row option-actions">
                <Button variant="ghost" disabled={disabled || index === 0} onClick={() => move(index, -1)} aria-label={t("surveys.builder.options.moveUp", { n })}>↑</Button>
                <Button variant="ghost" disabled={disabled || index === options.length - 1} onClick={() => move(index, 1)} aria-label={t("surveys.builder.options.moveDown", { n })}>↓</Button>
                <Button variant="ghost" disabled={disabled || options.length === 1} onClick={() => set(options.filter((_, i) => i !== index))} aria-label={t("surveys.builder.options.remove", { n })}>✕</Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="row">
        <Button disabled={disabled || options.length >= 50} onClick={add}>{t("surveys.builder.options.add")}</Button>
        <Checkbox
          label={t("surveys.builder.options.allowOther")}
          checked={question.allowOther ?? false}
          disabled={disabled}
          onChange={(event) => onChange({ ...question, allowOther: event.target.checked })}
        />
      </div>
    </fieldset>
  );
}
