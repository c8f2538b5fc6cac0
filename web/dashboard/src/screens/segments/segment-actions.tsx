import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocation } from "wouter";
import { api, authFetch } from "../../api/client.ts";
import { ApiError, unwrap, type Problem } from "../../api/problem.ts";
import { download } from "../../charts/csv.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { keys } from "./segment-api.ts";

/** The members as the API's CSV (a stream the typed client cannot read), saved under the server's file name. */
async function exportCsv(segmentId: string): Promise<void> {
  const url = api.v1.segments[":segmentId"]["export.csv"].$url({ param: { segmentId } });
  const response = await authFetch(url.pathname);
  if (!response.ok) {
    const json = (response.headers.get("content-type") ?? "").includes("json");
    throw new ApiError(json ? ((await response.json()) as Problem) : { title: response.statusText, status: response.status, code: `HTTP_${response.status}` });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? `segment-${segmentId}.csv`;
  download(await response.blob(), name);
}

/** Export the saved segment's members as CSV; a refusal (a viewer's 403) is shown under the button. */
export function ExportButton({ segmentId }: { segmentId: string }) {
  const t = useT();
  const mutation = useMutation({ mutationFn: () => exportCsv(segmentId) });
  return (
    <>
      <Button busy={mutation.isPending} onClick={() => mutation.mutate()}>
        {mutation.isPending ? t("segments.editor.exporting") : t("segments.editor.export")}
      </Button>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
    </>
  );
}

/** Delete, behind a confirmation naming the segment; afterwards back to the list. */
export function DeleteButton({ segmentId, name }: { segmentId: string; name: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => unwrap(api.v1.segments[":segmentId"].$delete({ param: { segmentId } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.detail(segmentId) });
      void queryClient.invalidateQueries({ queryKey: keys.list });
      setOpen(false);
      navigate("~/segments");
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("segments.editor.delete")}
      </Button>
      <Dialog
        open={open}
        title={t("segments.remove.title")}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
            <Button variant="danger" busy={mutation.isPending} onClick={() => mutation.mutate()}>
              {mutation.isPending ? t("segments.remove.deleting") : t("segments.remove.confirm")}
            </Button>
          </>
        }
      >
        <p>{t("segments.remove.body", { name })}</p>
        <ErrorAlert error={mutation.error} />
      </Dialog>
    </>
  );
}
