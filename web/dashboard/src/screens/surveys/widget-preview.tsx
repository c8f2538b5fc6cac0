import { useEffect, useRef, useState } from "react";
import type { SurveyDefinition } from "../../../../../src/surveys/definition.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Button } from "../../ui/button.tsx";
import { SelectField } from "../../ui/field.tsx";
import { Card } from "../../ui/page.tsx";
import { languageName, type Definition } from "./model.ts";
import { PREVIEW_KEY, setPreviewSource } from "./preview-transport.ts";

type Props = { surveyId: string; version: number; definition: Definition; editing: string };

/** Waits until the value has stopped changing for a moment, so typing does not restart the preview on every key. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The real widget script showing the unsaved draft, inside this card instead of over the page:
 * the widget adds its host to the body, so it is moved into the stage (which contains fixed
 * positioning), is no longer modal, and focus goes back to the field being edited.
 */
export function WidgetPreview({ surveyId, version, definition, editing }: Props) {
  const { t, language: ui } = useI18n();
  const stage = useRef<HTMLDivElement>(null);
  const lastFocus = useRef<HTMLElement | null>(null);
  const [language, setLanguage] = useState(editing);
  // The preview follows the language being edited; the select below can still pick another.
  useEffect(() => setLanguage(editing), [editing]);
  const [restarts, setRestarts] = useState(0);
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<{ answers: Record<string, unknown>; complete: boolean } | null>(null);
  const settled = useSettled(definition, 400);
  const shownLanguage = settled.languages.includes(language) ? language : settled.defaultLanguage;

  useEffect(() => {
    const box = stage.current;
    if (!box) return;
    setPreviewSource({ surveyId, version, definition: settled as SurveyDefinition, onSave: (answers, complete) => setSent({ answers, complete }) });
    box.querySelectorAll("ckm-survey, script").forEach((node) => node.remove());
    const adopt = new MutationObserver((records) => {
      for (const node of records.flatMap((record) => [...record.addedNodes])) {
        if (!(node instanceof HTMLElement) || node.tagName !== "CKM-SURVEY") continue;
        box.appendChild(node);
        node.shadowRoot?.querySelector("[role=dialog]")?.removeAttribute("aria-modal");
        setOpen(true);
        const back = lastFocus.current;
        if (back?.isConnected) back.focus({ preventScroll: true });
      }
    });
    adopt.observe(document.body, { childList: true });
    const gone = new MutationObserver(() => setOpen(box.querySelector("ckm-survey") !== null));
    gone.observe(box, { childList: true });
    const script = document.createElement("script");
    script.src = "/widget.js";
    script.async = true;
    script.dataset.key = PREVIEW_KEY;
    script.dataset.show = surveyId;
    script.dataset.lang = shownLanguage;
    script.setAttribute("data-headless", "");
    box.appendChild(script);
    setSent(null);
    return () => {
      adopt.disconnect();
      gone.disconnect();
    };
  }, [surveyId, version, settled, shownLanguage, restarts]);

  useEffect(() => {
    // The widget takes focus when it starts; this is where it goes back to, without scrolling.
    const track = (event: FocusEvent) => {
      const target = event.target;
      if (target instanceof HTMLElement && target.tagName !== "CKM-SURVEY" && !stage.current?.contains(target)) lastFocus.current = target;
    };
    document.addEventListener("focusin", track);
    return () => {
      document.removeEventListener("focusin", track);
      setPreviewSource(null);
    };
  }, []);

  return (
    <Card
      title={t("surveys.preview.title")}
      className="preview-card"
      actions={
        <Button variant="ghost" onClick={() => setRestarts((n) => n + 1)}>
          {t("surveys.preview.restart")}
        </Button>
      }
    >
      <p className="muted small">{t("surveys.preview.about")}</p>
      {settled.languages.length > 1 && (
        <SelectField label={t("surveys.preview.language")} value={shownLanguage} onChange={(event) => setLanguage(event.target.value)}>
          {settled.languages.map((tag) => (
            <option key={tag} value={tag}>{languageName(tag, ui)}</option>
          ))}
        </SelectField>
      )}
      <div className="preview-stage" aria-label={t("surveys.preview.stage")} role="region">
        <div ref={stage} className="preview-host" />
        {!open && <p className="preview-closed muted">{t("surveys.preview.closed")}</p>}
      </div>
      <p className="muted small">{t("surveys.preview.keyboard")}</p>
      {sent && (
        <details className="preview-sent">
          <summary>{sent.complete ? t("surveys.preview.sentComplete") : t("surveys.preview.sentPartial")}</summary>
          <pre>{JSON.stringify(sent.answers, null, 2)}</pre>
        </details>
      )}
    </Card>
  );
}
