import { h, onColour } from "./dom.ts";
import { nextIndex, visibleAnswers } from "./logic.ts";
import { questionInputs, readAnswer } from "./questions.ts";
import { CSS } from "./style.ts";
import type { Answers, Survey } from "./types.ts";
import { wordsFor } from "./words.ts";

export type Save = (answers: Answers, complete: boolean, honeypot: string) => Promise<unknown>;

function important(element: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) element.style.setProperty(name, value, "important");
}

function attachStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(h("style", {}, CSS));
  }
}

/**
 * Shows a survey as a modal dialog in a shadow root, one question at a time: skip logic decides the
 * next question, every step is saved as a partial response, the last one completes it. Keyboard
 * only works throughout (Tab stays inside, Escape closes), and focus returns where it was.
 */
export function present(survey: Survey, save: Save, closed: () => void): void {
  const words = wordsFor(survey.language);
  const returnFocus = document.activeElement as HTMLElement | null;
  const host = h("ckm-survey" as "div");
  important(host, { all: "initial", display: "block", visibility: "visible", opacity: "1" });
  const root = host.attachShadow({ mode: "open" });
  attachStyles(root);

  const close = h("button", { class: "x", type: "button", "aria-label": words.close }, "×");
  const body = h("div");
  const dialog = h("div", { class: `d ${survey.theme.position}`, role: "dialog", "aria-modal": "true", "aria-labelledby": "ckm-title", dir: survey.dir, lang: survey.language }, close, h("h2", { id: "ckm-title" }, survey.title), body);
  for (const [name, value] of [["--p", survey.theme.primary], ["--bg", survey.theme.background], ["--fg", survey.theme.text], ["--on", onColour(survey.theme.primary)]] as const) {
    dialog.style.setProperty(name, value);
  }
  root.append(dialog);
  document.body.append(host);

  const answers: Answers = {};
  let last: HTMLElement = close;

  function finish(): void {
    host.remove();
    returnFocus?.focus?.();
    closed();
  }

  function thank(): void {
    const done = h("button", { class: "b", type: "button" }, words.close);
    done.onclick = finish;
    body.replaceChildren(h("p", { role: "status" }, words.thanks), h("div", { class: "n" }, done));
    last = done;
    done.focus();
  }

  function step(index: number): void {
    const question = survey.questions[index]!;
    const following = nextIndex(survey.questions, answers, index);
    const submit = h("button", { class: "b", type: "submit" }, following === -1 ? words.send : words.next);
    const error = h("p", { class: "e", id: "ckm-error", role: "alert" });
    const honeypot = h("input", { class: "h", name: "website", tabindex: -1, autocomplete: "off", "aria-hidden": "true" });
    const inputs = questionInputs(question, words, answers[question.id]);
    const form = h("form", { novalidate: true }, h("fieldset", { "aria-describedby": "ckm-error" }, h("legend", {}, question.text), inputs), honeypot, error, h("div", { class: "n" }, submit));
    form.onsubmit = (event) => {
      event.preventDefault();
      const answer = readAnswer(question, form);
      if (answer === undefined && question.required) {
        error.textContent = words.required;
        (form.querySelector("input:not(.h),textarea") as HTMLElement | null)?.focus();
        return;
      }
      if (answer === undefined) delete answers[question.id];
      else answers[question.id] = answer;
      const next = nextIndex(survey.questions, answers, index);
      const kept = visibleAnswers(survey.questions, answers);
      submit.disabled = true;
      if (next === -1) {
        save(kept, true, honeypot.value).then(thank, () => {
          submit.disabled = false;
          error.textContent = words.failed;
        });
      } else {
        save(kept, false, honeypot.value).catch(() => undefined);
        step(next);
      }
    };
    body.replaceChildren(form);
    last = submit;
    (form.querySelector("input:checked,input:not(.h),textarea") as HTMLElement | null)?.focus();
  }

  close.onclick = finish;
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "Escape") return finish();
    if (event.key !== "Tab") return;
    const active = root.activeElement;
    if (event.shiftKey && active === close) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      close.focus();
    }
  });

  const first = nextIndex(survey.questions, answers, -1);
  if (first === -1) return finish();
  step(first);
}
