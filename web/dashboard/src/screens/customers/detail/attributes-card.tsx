import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Card } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { fetchAttributes, keys, type Customer } from "../customer-api.ts";
import { attributeText } from "../labels.ts";

/** The tenant's custom attributes, each with this customer's value (or that it has none). */
export function AttributesCard({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const t = useT();
  const f = useFormat();
  const attributes = useQuery({ queryKey: keys.attributes, queryFn: fetchAttributes, staleTime: 60_000 });
  return (
    <Card
      title={t("customers.attributes.title")}
      actions={
        canEdit && !customer.erasedAt ? (
          <Link href={`/${customer.id}/edit`} className="button button-ghost">
            {t("customers.attributes.edit")}
          </Link>
        ) : undefined
      }
    >
      <QueryState query={attributes}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t("customers.attributes.noneDefined")}</p>
          ) : (
            <dl className="details">
              {data.items.map((attribute) => {
                const text = attributeText(attribute, customer.attributes[attribute.key], f, t);
                return (
                  <div key={attribute.key} className="details-row">
                    <dt>{attribute.label}</dt>
                    <dd className={text === null ? "muted" : undefined}>{text ?? t("customers.attributes.notSet")}</dd>
                  </div>
                );
              })}
            </dl>
          )
        }
      </QueryState>
    </Card>
  );
}
