import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en } from "./messages/en/index.ts";
import { zh } from "./messages/zh/index.ts";
import { formatLocale, makeFormat, type Format, type TenantFormat } from "./format.ts";
import { browserLanguage, translate, type Language, type MessageKey, type Vars } from "./translate.ts";

const MESSAGES = { en, "zh-CN": zh };
const STORED = "ckm.language";
const DEFAULT_TENANT: TenantFormat = { currency: "GBP", timezone: "UTC", locale: null };

type I18n = {
  language: Language;
  setLanguage(language: Language): void;
  t(key: MessageKey, vars?: Vars): string;
  format: Format;
  setTenant(tenant: TenantFormat): void;
};

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language | null {
  const stored = localStorage.getItem(STORED);
  return stored === "en" || stored === "zh-CN" ? stored : null;
}

/** The interface language (the user's choice, else the browser's) and the tenant's formats. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => storedLanguage() ?? browserLanguage());
  const [tenant, setTenant] = useState<TenantFormat>(DEFAULT_TENANT);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORED, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[language];
    return {
      language,
      setLanguage,
      t: (key, vars) => translate(messages, key, vars),
      format: makeFormat(formatLocale(language, tenant.locale), tenant),
      setTenant,
    };
  }, [language, tenant, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n outside I18nProvider");
  return i18n;
}

/** The translate function of the current language. */
export const useT = () => useI18n().t;

/** Number, money and date formatters for the tenant's locale, currency and time zone. */
export const useFormat = () => useI18n().format;
