import { h } from "./dom.ts";
import { isScale, scalePoints } from "./logic.ts";
import type { Answer, Question } from "./types.ts";
import type { Words } from "./words.ts";

const FACES = ["😞", "🙁", "😐", "🙂", "😄"];
const OTHER = "__other";

function scale(question: Question, words: Words, previous: Answer | undefined): HTMLElement {
  const points = scalePoints(question);
  const display = question.type === "rating" ? question.scale?.display ?? "number" : "number";
  const high = points[points.length - 1]!;
  return h(
    "div",
    { class: "s", role: "radiogroup" },
    ...points.map((value, i) => {
      const face = display === "emoji" ? FACES[Math.round((i / Math.max(points.length - 1, 1)) * 4)]! : "★";
      return h(
        "label",
        {},
        h("input", { type: "radio", name: question.id, value, checked: previous === value, "aria-label": display === "number" ? undefined : `${value} ${words.of} ${high}` }),
        h("span", { "aria-hidden": display === "number" ? undefined : "true" }, display === "number" ? String(value) : face),
      );
    }),
  );
}

function choices(question: Question, words: Words, previous: Answer | undefined): HTMLElement {
  const multiple = question.type === "multiple";
  const chosen = typeof previous === "object" ? ("choices" in previous ? previous.choices : "choice" in previous ? [previous.choice] : []) : [];
  const otherText = typeof previous === "object" && "other" in previous ? previous.other ?? "" : "";
  const box = (value: string, label: string, checked: boolean) =>
    h("label", {}, h("input", { type: multiple ? "checkbox" : "radio", name: question.id, value, checked }), label);
  const list = h("div", { class: "c" }, ...(question.options ?? []).map((option) => box(option.id, option.label, chosen.includes(option.id))));
  if (question.allowOther) {
    list.append(box(OTHER, words.other, otherText !== ""), h("input", { class: "o", type: "text", name: `${question.id}.other`, value: otherText, maxlength: 500, "aria-label": words.other }));
  }
  return list;
}

/** The inputs for one question, filled with an earlier answer when the visitor comes back to it. */
export function questionInputs(question: Question, words: Words, previous: Answer | undefined): HTMLElement {
  if (isScale(question)) return scale(question, words, previous);
  if (question.type === "text") {
    return h("textarea", { name: question.id, maxlength: 2000, "aria-label": question.text }, typeof previous === "string" ? previous : "");
  }
  return choices(question, words, previous);
}

/** The answer the inputs hold, or undefined when the visitor gave none. */
export function readAnswer(question: Question, form: HTMLFormElement): Answer | undefined {
  const checked = Array.from(form.querySelectorAll<HTMLInputElement>(`input[name="${question.id}"]:checked`), (input) => input.value);
  if (isScale(question)) return checked.length ? Number(checked[0]) : undefined;
  if (question.type === "text") return form.querySelector("textarea")!.value.trim() || undefined;
  const other = checked.includes(OTHER) ? form.querySelector<HTMLInputElement>(".o")!.value.trim() : "";
  const picked = checked.filter((value) => value !== OTHER);
  if (question.type === "single") return other ? { other } : picked.length ? { choice: picked[0]! } : undefined;
  if (!picked.length && !other) return undefined;
  return other ? { choices: picked, other } : { choices: picked };
}
