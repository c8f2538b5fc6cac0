import { useState } from "react";
import { useI18n } from "../../i18n/i18n.tsx";
import type { TemplateLanguage } from "./import-api.ts";

/** The template's header language: the interface's at first, then the user's choice on this screen. */
export function useTemplateLanguage(): [TemplateLanguage, (language: TemplateLanguage) => void] {
  const { language } = useI18n();
  const [chosen, setChosen] = useState<TemplateLanguage | null>(null);
  return [chosen ?? (language === "zh-CN" ? "zh" : "en"), setChosen];
}
