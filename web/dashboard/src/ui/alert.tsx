import type { ReactNode } from "react";
import { ApiError } from "../api/problem.ts";
import { useT } from "../i18n/i18n.tsx";

/** A message box: errors interrupt the screen reader (role alert), the rest are polite status. */
export function Alert({ tone = "info", title, children }: { tone?: "info" | "success" | "warning" | "error"; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>
      {title && <p className="alert-title">{title}</p>}
      {children}
    </div>
  );
}

/** What went wrong, in the problem document's words, with the request id for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: ReactNode }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError) {
    const { problem } = error;
    return (
      <Alert tone="error" title={title ?? problem.title}>
        {problem.status === 0 ? <p>{t("common.networkError")}</p> : problem.detail && <p>{problem.detail}</p>}
        {problem.issues && problem.issues.length > 0 && (
          <ul>
            {problem.issues.map((issue) => (
              <li key={issue.path + issue.message}>
                <code>{issue.path}</code>: {issue.message}
              </li>
            ))}
          </ul>
        )}
        {problem.requestId && <p className="muted small">{t("common.requestId", { id: problem.requestId })}</p>}
      </Alert>
    );
  }
  return <Alert tone="error" title={title}>{String(error instanceof Error ? error.message : error)}</Alert>;
}
