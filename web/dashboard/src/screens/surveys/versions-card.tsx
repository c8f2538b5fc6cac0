import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Card } from "../../ui/page.tsx";
import type { SurveyWithVersions } from "./model.ts";

/** The published versions, newest first: each is frozen, and responses name the one they answered. */
export function VersionsCard({ survey }: { survey: SurveyWithVersions }) {
  const t = useT();
  const f = useFormat();
  return (
    <Card title={t("surveys.versions.title")}>
      {survey.versions.length === 0 ? (
        <p className="muted">{t("surveys.versions.none")}</p>
      ) : (
        <ol className="version-list" reversed>
          {survey.versions.map((version) => (
            <li key={version.version}>
              <strong>{t("surveys.list.version", { version: version.version })}</strong>{" "}
              <span className="muted">{t("surveys.versions.publishedAt", { date: f.dateTime(version.publishedAt) })}</span>{" "}
              <span className="muted small">{t("surveys.versions.questions", { n: version.definition.questions.length })}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
