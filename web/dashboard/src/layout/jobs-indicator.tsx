import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../api/client.ts";
import { unwrap } from "../api/problem.ts";
import { useAccount } from "../account/account.tsx";
import { useT } from "../i18n/i18n.tsx";

export type Job = { key: string; label: string; href: string; done: number | null; total: number | null };

/** Long work under way (imports, runs, backups), polled while any is running, so a reload still shows it. */
export function useJobs(): Job[] {
  const t = useT();
  const { loggedIn, hasRole } = useAccount();
  const admin = hasRole("owner", "admin");
  const refetchInterval = (query: { state: { data?: { items: { status: string }[] } } }) =>
    query.state.data?.items.some((item) => item.status === "queued" || item.status === "running") ? 2_000 : 30_000;
  const runs = useQuery({ queryKey: ["runs", "recent"], enabled: loggedIn, queryFn: () => unwrap(api.v1.segmentation.runs.$get({ query: { limit: "5" } })), refetchInterval });
  const imports = useQuery({
    queryKey: ["imports", "recent"],
    enabled: loggedIn && admin,
    queryFn: () => unwrap(api.v1.imports.$get({ query: { limit: "5" } })),
    refetchInterval: (query) => (query.state.data?.items.some((item) => item.status === "validating" || item.status === "running") ? 3_000 : 30_000),
  });
  const backups = useQuery({ queryKey: ["backups", "recent"], enabled: loggedIn && admin, queryFn: () => unwrap(api.v1.backups.$get({ query: { limit: "5" } })), refetchInterval });
  const jobs: Job[] = [];
  // An import's progress is the share of its file read; the file's size is known from the upload on.
  for (const upload of imports.data?.items ?? [])
    if (upload.status === "validating" || upload.status === "running")
      jobs.push({ key: upload.id, label: t("common.jobs.import", { name: upload.fileName ?? "" }).trim(), href: `/imports/${upload.id}`, done: upload.bytesDone ?? 0, total: upload.sizeBytes || null });
  for (const run of runs.data?.items ?? [])
    if (run.status === "queued" || run.status === "running") jobs.push({ key: run.id, label: t("common.jobs.run"), href: `/analytics?run=${run.id}`, done: run.progress.done, total: run.progress.total || null });
  for (const backup of backups.data?.items ?? [])
    if (backup.status === "queued" || backup.status === "running") jobs.push({ key: backup.id, label: t("common.jobs.backup"), href: `/settings/backups/${backup.id}`, done: backup.progress.tablesDone, total: backup.progress.tablesTotal || null });
  return jobs;
}

export function JobsIndicator() {
  const t = useT();
  const jobs = useJobs();
  if (jobs.length === 0) return null;
  return (
    <div className="jobs-indicator" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{t("common.jobs.title")}: </span>
      {jobs.map((job) => (
        <Link key={job.key} href={job.href}>
          {job.label}
          {job.total ? ` ${Math.round(((job.done ?? 0) / job.total) * 100)}%` : ""}
        </Link>
      ))}
    </div>
  );
}
