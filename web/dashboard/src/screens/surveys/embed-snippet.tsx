import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/page.tsx";

function Copyable({ label, text }: { label: string; text: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  return (
    <div className="copyable">
      <div className="row copyable-head">
        <h3>{label}</h3>
        <Button
          variant="ghost"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            })
          }
        >
          {t("surveys.embed.copy")}
        </Button>
        <span role="status" className="muted small">{copied ? t("surveys.embed.copied") : ""}</span>
      </div>
      <pre className="snippet" tabIndex={0}>
        <code>{text}</code>
      </pre>
    </div>
  );
}

/** How to put the survey on a site: the embed tag with the tenant's publishable key, the allowed origins, and the shareable link. */
export function EmbedSnippet({ surveyId, published }: { surveyId: string; published: boolean }) {
  const t = useT();
  const { me, hasRole } = useAccount();
  const queryClient = useQueryClient();
  const mayManageKeys = hasRole("owner", "admin");
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => unwrap(api.v1["api-keys"].$get()), enabled: mayManageKeys });
  const create = useMutation({
    mutationFn: () => unwrap(api.v1["api-keys"].$post({ json: { kind: "publishable", name: t("surveys.embed.keyName") } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });
  const live = keys.data?.items.find((key) => key.kind === "publishable" && !key.revokedAt && (!key.expiresAt || Date.parse(key.expiresAt) > Date.now()));
  const key = live?.preview ?? "pk_live_…";
  const origin = window.location.origin;
  const origins = me?.tenant.allowedOrigins ?? [];
  const snippet = `<script>window.ckm = window.ckm || function () { (ckm.q = ckm.q || []).push(arguments); };</script>\n<script src="${origin}/widget.js" data-key="${key}" async></script>`;
  const link = `${origin}/s/${surveyId}?key=${key}`;
  return (
    <Card title={t("surveys.embed.title")}>
      {!mayManageKeys && <p className="muted">{t("surveys.embed.noKeyAccess")}</p>}
      {mayManageKeys && keys.isSuccess && !live && (
        <div className="alert alert-warning" role="status">
          <p>{t("surveys.embed.noKey")}</p>
          <Button variant="primary" busy={create.isPending} onClick={() => create.mutate()}>
            {t("surveys.embed.createKey")}
          </Button>
        </div>
      )}
      <ErrorAlert error={keys.error ?? create.error} />
      <Copyable label={t("surveys.embed.snippet")} text={snippet} />
      <p className="muted small">{t("surveys.embed.showNow", { id: surveyId })}</p>
      <h3>{t("surveys.embed.origins")}</h3>
      {origins.length > 0 ? (
        <ul className="origin-list">
          {origins.map((value) => (
            <li key={value}><code>{value}</code></li>
          ))}
        </ul>
      ) : (
        <p className="field-error">{t("surveys.embed.noOrigins")}</p>
      )}
      <p className="small">
        <Link href="~/settings/general">{t("surveys.embed.editOrigins")}</Link>
      </p>
      <Copyable label={t("surveys.embed.link")} text={link} />
      {published && live ? (
        <a href={link} target="_blank" rel="noopener">{t("surveys.embed.openLink")}</a>
      ) : (
        <p className="muted small">{t("surveys.embed.linkNeedsPublish")}</p>
      )}
    </Card>
  );
}
