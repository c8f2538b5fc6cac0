import { useId } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { Checkbox, SelectField, TextField } from "../../ui/field.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { changeType, isChoice, QUESTION_TYPES, SCALE_DISPLAYS, type Question, type QuestionType, type Text } from "./model.ts";
import { QuestionOptions } from "./question-options.tsx";
import { SkipRule } from "./skip-rule.tsx";
import { TranslatedField } from "./translated-field.tsx";

type Props = {
  question: Question;
  index: number;
  count: number;
  earlier: Question[];
  uid: string;
  language: string;
  defaultLanguage: string;
  issues: DefinitionIssues;
  disabled: boolean;
  onChange(question: Question): void;
  onMove(delta: number): void;
  onRemove(): void;
};

/** One question of the builder: type, id, text per language, required, scale or options, skip rule, and its place in the order. */
export function QuestionCard({ question, index, count, earlier, uid, language, defaultLanguage, issues, disabled, onChange, onMove, onRemove }: Props) {
  const t = useT();
  const headingId = useId();
  const path = `questions.${index}`;
  const n = index + 1;
  const optionLabel = (k: number): Text => ({ [defaultLanguage]: t("surveys.builder.options.newLabel", { n: k }) });
  const own = issues.under(path);
  return (
    <section className="card question-card" aria-labelledby={headingId} data-question={question.id}>
      <header className="card-header">
        <h3 id={headingId}>{t("surveys.builder.question.heading", { n, type: t(`surveys.types.${question.type}`) })}</h3>
        <div className="row">
          <Button id={`${uid}-up`} variant="ghost" disabled={disabled || index === 0} onClick={() => onMove(-1)} aria-label={t("surveys.builder.question.moveUp", { n })}>
            ↑ <span aria-hidden="true">{t("surveys.builder.question.up")}</span>
          </Button>
          <Button id={`${uid}-down`} variant="ghost" disabled={disabled || index === count - 1} onClick={() => onMove(1)} aria-label={t("surveys.builder.question.moveDown", { n })}>
            ↓ <span aria-hidden="true">{t("surveys.builder.question.down")}</span>
          </Button>
          <Button variant="ghost" className="danger-text" disabled={disabled || count === 1} onClick={onRemove} aria-label={t("surveys.builder.question.remove", { n })}>
            {t("surveys.builder.question.removeShort")}
          </Button>
        </div>
      </header>
      {own.length > 0 && (
        <ul className="question-issues" aria-label={t("surveys.builder.question.issues", { n })}>
          {own.map((issue) => (
            <li key={issue.path + issue.message} className="field-error">
              <code>{issue.path.slice(path.length + 1) || question.id}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      <div className="question-grid">
        <SelectField
          label={t("surveys.builder.question.type")}
          value={question.type}
          disabled={disabled}
          error={issues.at(`${path}.type`)}
          onChange={(event) => onChange(changeType(question, event.target.value as QuestionType, optionLabel))}
        >
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>{t(`surveys.types.${type}`)}</option>
          ))}
        </SelectField>
        <TextField
          label={t("surveys.builder.question.id")}
          hint={t("surveys.builder.question.idHint")}
          value={question.id}
          disabled={disabled}
          pattern="[A-Za-z0-9_\-]{1,64}"
          error={issues.at(`${path}.id`)}
          onChange={(event) => onChange({ ...question, id: event.target.value })}
        />
        <Checkbox className="question-required" label={t("surveys.builder.question.required")} checked={question.required} disabled={disabled} onChange={(event) => onChange({ ...question, required: event.target.checked })} />
      </div>
      <TranslatedField
        label={t("surveys.builder.question.text")}
        text={question.text}
        language={language}
        defaultLanguage={defaultLanguage}
        multiline
        disabled={disabled}
        error={issues.at(`${path}.text`)}
        onChange={(text) => onChange({ ...question, text })}
      />
      {question.type === "rating" && (
        <div className="question-grid">
          <TextField
            label={t("surveys.builder.question.points")}
            type="number"
            min={3}
            max={10}
            value={question.scale?.points ?? 5}
            disabled={disabled}
            error={issues.at(`${path}.scale`)}
            onChange={(event) => onChange({ ...question, scale: { display: question.scale?.display ?? "star", points: Number(event.target.value) } })}
          />
          <SelectField
            label={t("surveys.builder.question.display")}
            value={question.scale?.display ?? "star"}
            disabled={disabled}
            onChange={(event) => onChange({ ...question, scale: { points: question.scale?.points ?? 5, display: event.target.value as (typeof SCALE_DISPLAYS)[number] } })}
          >
            {SCALE_DISPLAYS.map((display) => (
              <option key={display} value={display}>{t(`surveys.builder.question.displays.${display}`)}</option>
            ))}
          </SelectField>
        </div>
      )}
      {isChoice(question.type) && <QuestionOptions question={question} path={path} language={language} defaultLanguage={defaultLanguage} issues={issues} disabled={disabled} onChange={onChange} />}
      <SkipRule question={question} earlier={earlier} path={path} language={language} defaultLanguage={defaultLanguage} issues={issues} disabled={disabled} onChange={onChange} />
    </section>
  );
}
