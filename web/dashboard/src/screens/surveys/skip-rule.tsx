import { useT } from "../../i18n/i18n.tsx";
import { Checkbox, SelectField } from "../../ui/field.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { scoreRange, type Question } from "./model.ts";

type Props = { question: Question; earlier: Question[]; path: string; language: string; defaultLanguage: string; issues: DefinitionIssues; disabled: boolean; onChange(question: Question): void };

/** The answers a question can be shown after: a score's points or a choice's options. */
function answersOf(question: Question, language: string, defaultLanguage: string): Array<{ value: string | number; label: string }> {
  const range = scoreRange(question);
  if (range) return Array.from({ length: range[1] - range[0] + 1 }, (_, i) => ({ value: range[0] + i, label: String(range[0] + i) }));
  return (question.options ?? []).map((option) => ({ value: option.id, label: option.label[language] ?? option.label[defaultLanguage] ?? option.id }));
}

/** The skip rule: show this question only when an earlier one was answered in one of the chosen ways. */
export function SkipRule({ question, earlier, path, language, defaultLanguage, issues, disabled, onChange }: Props) {
  const t = useT();
  const targets = earlier.filter((candidate) => candidate.type !== "text");
  const rule = question.showIf;
  const target = rule ? earlier.find((candidate) => candidate.id === rule.questionId) : undefined;
  const { showIf: _, ...withoutRule } = question;
  const error = issues.at(`${path}.showIf`);
  const textOf = (q: Question) => q.text[language] ?? q.text[defaultLanguage] ?? q.id;
  return (
    <div className="skip-rule">
      <Checkbox
        label={t("surveys.builder.skip.toggle")}
        checked={rule !== undefined}
        disabled={disabled || (targets.length === 0 && rule === undefined)}
        onChange={(event) => onChange(event.target.checked && targets[0] ? { ...question, showIf: { questionId: targets[0].id, anyOf: [] } } : withoutRule)}
      />
      {targets.length === 0 && rule === undefined && <p className="field-hint">{t("surveys.builder.skip.noEarlier")}</p>}
      {rule && (
        <div className="skip-rule-body">
          <SelectField
            label={t("surveys.builder.skip.question")}
            value={rule.questionId}
            disabled={disabled}
            error={issues.at(`${path}.showIf.questionId`)}
            onChange={(event) => onChange({ ...question, showIf: { questionId: event.target.value, anyOf: [] } })}
          >
            {!target && <option value={rule.questionId}>{rule.questionId}</option>}
            {targets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>{`${candidate.id}: ${textOf(candidate)}`}</option>
            ))}
          </SelectField>
          {target && (
            <fieldset className="survey-fieldset answer-picks">
              <legend>{t("surveys.builder.skip.answers")}</legend>
              <div className="picks">
                {answersOf(target, language, defaultLanguage).map((answer) => (
                  <Checkbox
                    key={String(answer.value)}
                    label={answer.label}
                    checked={rule.anyOf.includes(answer.value)}
                    disabled={disabled}
                    onChange={(event) =>
                      onChange({ ...question, showIf: { ...rule, anyOf: event.target.checked ? [...rule.anyOf, answer.value] : rule.anyOf.filter((value) => value !== answer.value) } })
                    }
                  />
                ))}
              </div>
              {rule.anyOf.length === 0 && !error && <p className="field-hint">{t("surveys.builder.skip.pickOne")}</p>}
            </fieldset>
          )}
          {error && <p className="field-error">{error}</p>}
        </div>
      )}
    </div>
  );
}
