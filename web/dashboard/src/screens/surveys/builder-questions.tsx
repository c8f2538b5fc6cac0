import { useId, useRef, useState } from "react";
import { useT } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/field.tsx";
import type { DefinitionIssues } from "./issues.ts";
import { newQuestion, QUESTION_TYPES, type Definition, type Question, type QuestionType } from "./model.ts";
import { QuestionCard } from "./question-card.tsx";

type Props = { definition: Definition; language: string; issues: DefinitionIssues; disabled: boolean; onChange(definition: Definition): void };

let nextKey = 0;
const makeKey = () => `q${++nextKey}`;

/** Skip rules naming a question that is gone, or renamed, follow it (or are dropped). */
function retarget(questions: Question[], from: string, to: string | null): Question[] {
  return questions.map((question) => {
    if (question.showIf?.questionId !== from) return question;
    if (to === null) {
      const { showIf: _, ...rest } = question;
      return rest;
    }
    return { ...question, showIf: { ...question.showIf, questionId: to } };
  });
}

/** The questions: each card, and adding, removing and reordering them by button, with focus kept on the moved question. */
export function BuilderQuestions({ definition, language, issues, disabled, onChange }: Props) {
  const t = useT();
  const headingId = useId();
  const [adding, setAdding] = useState<QuestionType>("text");
  const [announcement, setAnnouncement] = useState("");
  const keys = useRef<string[]>([]);
  const questions = definition.questions;
  while (keys.current.length < questions.length) keys.current.push(makeKey());
  keys.current.length = questions.length;

  const set = (next: Question[]) => onChange({ ...definition, questions: next });
  const update = (index: number, question: Question) => {
    const before = questions[index]!;
    const next = questions.map((q, i) => (i === index ? question : q));
    set(before.id !== question.id ? retarget(next, before.id, question.id) : next);
  };
  const move = (index: number, delta: number) => {
    const target = index + delta;
    const next = [...questions];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    const [key] = keys.current.splice(index, 1);
    keys.current.splice(target, 0, key!);
    set(next);
    setAnnouncement(t("surveys.builder.question.moved", { id: moved!.id, n: target + 1 }));
    requestAnimationFrame(() => {
      const button = document.getElementById(`${key}-${delta < 0 ? "up" : "down"}`) as HTMLButtonElement | null;
      (button && !button.disabled ? button : document.getElementById(`${key}-${delta < 0 ? "down" : "up"}`))?.focus();
    });
  };
  const remove = (index: number) => {
    const gone = questions[index]!;
    keys.current.splice(index, 1);
    set(retarget(questions.filter((_, i) => i !== index), gone.id, null));
    setAnnouncement(t("surveys.builder.question.removed", { id: gone.id }));
  };
  const add = () => {
    const question = newQuestion(
      adding,
      questions.map((q) => q.id),
      { [definition.defaultLanguage]: t(`surveys.builder.starter.${adding}`) },
      (n) => ({ [definition.defaultLanguage]: t("surveys.builder.options.newLabel", { n }) }),
    );
    keys.current.push(makeKey());
    set([...questions, question]);
    setAnnouncement(t("surveys.builder.question.added", { n: questions.length + 1 }));
  };

  return (
    <section className="builder-questions" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-heading">{t("surveys.builder.questionsTitle", { n: questions.length })}</h2>
      {issues.at("questions") && issues.under("questions").some((issue) => issue.path === "questions") && <p className="field-error">{issues.at("questions")}</p>}
      {questions.map((question, index) => (
        <QuestionCard
          key={keys.current[index]}
          uid={keys.current[index]!}
          question={question}
          index={index}
          count={questions.length}
          earlier={questions.slice(0, index)}
          language={language}
          defaultLanguage={definition.defaultLanguage}
          issues={issues}
          disabled={disabled}
          onChange={(next) => update(index, next)}
          onMove={(delta) => move(index, delta)}
          onRemove={() => remove(index)}
        />
      ))}
      <div className="toolbar card add-question">
        <SelectField label={t("surveys.builder.addType")} value={adding} disabled={disabled} onChange={(event) => setAdding(event.target.value as QuestionType)}>
          {QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>{t(`surveys.types.${type}`)}</option>
          ))}
        </SelectField>
        <Button variant="primary" disabled={disabled || questions.length >= 100} onClick={add}>{t("surveys.builder.addQuestion")}</Button>
      </div>
      <p className="visually-hidden" role="status">{announcement}</p>
    </section>
  );
}
