import { useState } from "react";
import { authFetch } from "../../api/client.ts";
import { ApiError, type Problem } from "../../api/problem.ts";
import { download } from "../../charts/csv.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

/** Downloads every response as CSV (the typed client cannot express a file download, so this one call uses authFetch). */
export function ExportResponses({ surveyId }: { surveyId: string }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await authFetch(`/v1/surveys/${encodeURIComponent(surveyId)}/responses/export`);
      if (!response.ok) {
        const type = response.headers.get("content-type") ?? "";
        throw new ApiError(type.includes("json") ? ((await response.json()) as Problem) : { title: response.statusText, status: response.status, code: `HTTP_${response.status}` });
      }
      download(await response.blob(), `survey-${surveyId}-responses.csv`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError({ title: t("surveys.results.exportFailed"), status: 0, code: "NETWORK", detail: String(caught) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button busy={busy} onClick={() => void run()}>
        {t("surveys.results.export")}
      </Button>
      {error !== null && (
        <div className="export-error">
          <ErrorAlert error={error} />
        </div>
      )}
    </>
  );
}
