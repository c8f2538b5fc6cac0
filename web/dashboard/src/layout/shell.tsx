import type { ReactNode } from "react";
import { Link } from "wouter";
import { useAccount } from "../account/account.tsx";
import { useT } from "../i18n/i18n.tsx";
import { Button } from "../ui/button.tsx";
import { JobsIndicator } from "./jobs-indicator.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { Nav } from "./nav.tsx";

/** The frame around every signed-in screen: skip link, header, navigation, main region. */
export function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const { me, logOut } = useAccount();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="top-bar">
        <Link href="/" className="brand">
          {t("common.appName")}
          {me && <span className="brand-tenant">{me.tenant.name}</span>}
        </Link>
        <JobsIndicator />
        <div className="top-bar-end">
          <LanguageSwitch />
          {me && <span className="muted user-name">{t("common.signedInAs", { name: me.user.name })}</span>}
          <Button variant="ghost" onClick={() => void logOut()}>
            {t("common.logOut")}
          </Button>
        </div>
      </header>
      <Nav />
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}

/** The frame of the screens before log-in: a centred card with the language choice. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <div className="auth-frame">
      <header className="auth-header">
        <span className="brand">{t("common.appName")}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-card">
        {children}
      </main>
      <p className="muted auth-tagline">{t("common.tagline")}</p>
    </div>
  );
}
