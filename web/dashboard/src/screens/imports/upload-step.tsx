import { useMutation } from "@tanstack/react-query";
import { useId, useState, type DragEvent } from "react";
import { useLocation } from "wouter";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { fileSize } from "./file-size.ts";
import { uploadFile, useRefreshImports } from "./import-api.ts";
import { Step } from "./step.tsx";

const MAX_BYTES = 512 * 1024 * 1024;
const looksLikeCsv = (file: File) => /\.(csv|txt|tsv)$/i.test(file.name) || file.type === "text/csv" || file.type === "text/plain";

/** Step three: a CSV chosen or dropped, shown by name and size, then sent as the request body. */
export function UploadStep() {
  const t = useT();
  const f = useFormat();
  const inputId = useId();
  const [, navigate] = useLocation();
  const refresh = useRefreshImports();
  const [file, setFile] = useState<File | null>(null);
  const [over, setOver] = useState(false);
  const problem = file && !looksLikeCsv(file) ? t("imports.upload.notCsv") : file && file.size > MAX_BYTES ? t("imports.upload.tooLarge") : undefined;
  const send = useMutation({
    mutationFn: (chosen: File) => uploadFile(chosen),
    onSuccess: (created) => {
      void refresh();
      navigate(`/${created.id}`);
    },
  });
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };
  return (
    <Step n={3} title={t("imports.upload.title")}>
      <p>{t("imports.upload.intro")}</p>
      <div
        className={over ? "import-drop over" : "import-drop"}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="import-drop-hint" aria-hidden="true">
          {over ? t("imports.upload.dropActive") : t("imports.upload.drop")}
        </p>
        <div className="field">
          <label htmlFor={inputId}>{t("imports.upload.choose")}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.txt,.tsv,text/csv"
            aria-invalid={problem ? true : undefined}
            aria-describedby={file ? `${inputId}-chosen` : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        {file && (
          <p id={`${inputId}-chosen`} className={problem ? "field-error" : "import-file"} data-testid="chosen-file">
            {problem ?? t("imports.upload.selected", { name: file.name, size: fileSize(file.size, t, f) })}
          </p>
        )}
      </div>
      <div className="row">
        <Button variant="primary" disabled={!file || Boolean(problem)} busy={send.isPending} onClick={() => file && send.mutate(file)}>
          {send.isPending ? t("imports.upload.sending") : t("imports.upload.send")}
        </Button>
      </div>
      <ErrorAlert error={send.error} />
    </Step>
  );
}
