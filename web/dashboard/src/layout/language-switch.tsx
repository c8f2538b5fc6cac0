import { useAccount } from "../account/account.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { LANGUAGES, type Language } from "../i18n/translate.ts";

/** The interface language, chosen per user (remembered on the server once logged in). */
export function LanguageSwitch() {
  const { language, t } = useI18n();
  const { chooseLanguage } = useAccount();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t("common.language")}</span>
      <select value={language} onChange={(event) => chooseLanguage(event.target.value as Language)} aria-label={t("common.language")}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`common.languages.${code}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
