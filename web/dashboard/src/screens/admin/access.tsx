import type { ReactNode } from "react";
import { useAccount, type Role } from "../../account/account.tsx";
import { ApiError } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../ui/alert.tsx";
import { Loading } from "../../ui/query-state.tsx";

export const MANAGERS: Role[] = ["owner", "admin"];

/** The screen for the roles that may use it; anyone else is told who may, without asking the API. */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const t = useT();
  const { me, hasRole } = useAccount();
  if (!me) return <Loading />;
  if (!hasRole(...roles)) return <Alert tone="warning" title={t("admin.access.title")}>{t("admin.access.managersOnly")}</Alert>;
  return <>{children}</>;
}

/** An API error; a 403 (a role changed meanwhile) says plainly that the role does not allow it. */
export function AdminError({ error }: { error: unknown }) {
  const t = useT();
  if (error instanceof ApiError && error.problem.status === 403) return <ErrorAlert error={error} title={t("admin.access.forbidden")} />;
  return <ErrorAlert error={error} />;
}
