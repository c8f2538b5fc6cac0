import { Link, useLocation } from "wouter";
import { useAccount, type Role } from "../account/account.tsx";
import { useT } from "../i18n/i18n.tsx";
import type { MessageKey } from "../i18n/translate.ts";

type Item = { href: string; label: MessageKey; roles?: Role[] };

const WORK: Item[] = [
  { href: "/", label: "common.nav.home" },
  { href: "/customers", label: "common.nav.customers" },
  { href: "/segments", label: "common.nav.segments" },
  { href: "/imports", label: "common.nav.imports", roles: ["owner", "admin", "analyst"] },
  { href: "/surveys", label: "common.nav.surveys" },
  { href: "/analytics", label: "common.nav.analytics" },
];

const ADMIN: Item[] = [
  { href: "/settings/integrations", label: "common.nav.integrations", roles: ["owner", "admin"] },
  { href: "/settings/backups", label: "common.nav.backups", roles: ["owner", "admin"] },
  { href: "/settings/members", label: "common.nav.members" },
  { href: "/settings/api-keys", label: "common.nav.apiKeys", roles: ["owner", "admin"] },
  { href: "/settings/audit-log", label: "common.nav.auditLog", roles: ["owner", "admin"] },
  { href: "/settings/general", label: "common.nav.settings" },
];

function NavList({ items }: { items: Item[] }) {
  const t = useT();
  const [location] = useLocation();
  const { hasRole } = useAccount();
  const current = (href: string) => (href === "/" ? location === "/" : location === href || location.startsWith(`${href}/`));
  return (
    <ul>
      {items
        .filter((item) => !item.roles || hasRole(...item.roles))
        .map((item) => (
          <li key={item.href}>
            <Link href={item.href} aria-current={current(item.href) ? "page" : undefined}>
              {t(item.label)}
            </Link>
          </li>
        ))}
    </ul>
  );
}

/** The side navigation: the day's work first, administration below. */
export function Nav() {
  const t = useT();
  return (
    <nav className="side-nav" aria-label={t("common.mainNav")}>
      <NavList items={WORK} />
      <p className="side-nav-heading">{t("common.nav.admin")}</p>
      <NavList items={ADMIN} />
    </nav>
  );
}
