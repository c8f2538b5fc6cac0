import { Link } from "wouter";
import { useJobs } from "../../layout/jobs-indicator.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Card } from "../../ui/page.tsx";
import { ProgressBar } from "../../ui/progress.tsx";

/** The same long work as the shell's indicator (imports, runs, backups), each with a progress bar and a link. */
export function JobsCard() {
  const t = useT();
  const f = useFormat();
  const jobs = useJobs();
  return (
    <Card title={t("home.jobs.title")}>
      {jobs.length === 0 ? (
        <p className="muted">{t("home.jobs.none")}</p>
      ) : (
        <ul className="home-jobs">
          {jobs.map((job) => (
            <li key={job.key}>
              <ProgressBar value={job.total ? (job.done ?? 0) : null} max={job.total ?? 1} label={job.label} detail={job.total ? f.percent((job.done ?? 0) / job.total) : undefined} />
              <Link href={job.href}>
                {t("home.jobs.open")}
                <span className="visually-hidden">: {job.label}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
