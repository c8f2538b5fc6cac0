import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useT } from "../i18n/i18n.tsx";
import { ErrorAlert } from "./alert.tsx";
import { Button } from "./button.tsx";

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label ?? t("common.loading")}
    </p>
  );
}

/** Loading, the error with a retry, or the data: every screen waits and fails the same way. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <div>
        <ErrorAlert error={query.error} />
        <Button onClick={() => void query.refetch()}>{t("common.retry")}</Button>
      </div>
    );
  return <>{children(query.data)}</>;
}
