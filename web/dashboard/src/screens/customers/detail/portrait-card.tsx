import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Card } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { TagCloud } from "../../../ui/tag-cloud.tsx";
import { labelOf } from "../labels.ts";

/** The customer's portrait as a tag cloud: bigger tag, stronger trait. */
export function PortraitCard({ customerId }: { customerId: string }) {
  const t = useT();
  const f = useFormat();
  const portrait = useQuery({ queryKey: ["customers", "portrait", customerId], queryFn: () => unwrap(api.v1.customers[":customerId"].portrait.$get({ param: { customerId } })) });
  return (
    <Card title={t("customers.portrait.title")}>
      <QueryState query={portrait}>
        {(data) =>
          data.tags.length === 0 ? (
            <p className="muted">{t("customers.portrait.empty")}</p>
          ) : (
            <>
              <TagCloud
                label={t("customers.portrait.cloud")}
                tags={data.tags.map((tag) => ({
                  label: tag.kind === "segment" ? labelOf(t, "segments", tag.tag) : tag.kind === "product" || tag.kind === "feedback" ? tag.tag : labelOf(t, "portraitTags", tag.tag),
                  weight: tag.weight,
                  kind: tag.kind,
                }))}
              />
              {data.asOf && <p className="muted small">{t("customers.portrait.asOf", { date: f.date(data.asOf) })}</p>}
            </>
          )
        }
      </QueryState>
    </Card>
  );
}
