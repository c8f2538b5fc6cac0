import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "wouter";
import { useAccount } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { downloadFrom, fetchCustomer, keys, type Customer } from "../customer-api.ts";
import { displayName } from "../fields.ts";
import { AttributesCard } from "./attributes-card.tsx";
import { EraseDialog } from "./erase-dialog.tsx";
import { IdentitiesCard } from "./identities-card.tsx";
import { OrdersCard } from "./orders-card.tsx";
import { PortraitCard } from "./portrait-card.tsx";
import { ProfileCard } from "./profile-card.tsx";
import { ScoresCard } from "./scores-card.tsx";
import { TagsCard } from "./tags-card.tsx";
import { TimelineCard } from "./timeline-card.tsx";

function CustomerView({ customer }: { customer: Customer }) {
  const t = useT();
  const f = useFormat();
  const { hasRole } = useAccount();
  const [erasing, setErasing] = useState(false);
  const canEdit = hasRole("owner", "admin") && !customer.erasedAt;
  const canExport = hasRole("owner", "admin", "analyst");
  const download = useMutation({
    mutationFn: () => downloadFrom(api.v1.customers[":customerId"].data.$url({ param: { customerId: customer.id } }), `customer-${customer.id}.json`),
  });
  const name = displayName(customer) ?? (customer.erasedAt ? t("customers.erased.name") : t("customers.unnamed"));
  const subtitle = [customer.email !== name ? customer.email : null, customer.company, customer.city].filter(Boolean).join(" · ");
  return (
    <Page
      title={name}
      description={subtitle || undefined}
      actions={
        <>
          <Link href="~/customers" className="button button-ghost">
            {t("customers.back")}
          </Link>
          {canExport && (
            <Button busy={download.isPending} onClick={() => download.mutate()}>
              {t("customers.page.download")}
            </Button>
          )}
          {canEdit && (
            <>
              <Link href={`/${customer.id}/edit`} className="button button-primary">
                {t("customers.page.edit")}
              </Link>
              <Button variant="danger" onClick={() => setErasing(true)}>
                {t("customers.page.erase")}
              </Button>
            </>
          )}
        </>
      }
    >
      {customer.erasedAt && (
        <Alert tone="warning" title={t("customers.erased.title")}>
          <p>{t("customers.erased.explain", { date: f.dateTime(customer.erasedAt) })}</p>
        </Alert>
      )}
      <ErrorAlert error={download.error} title={t("customers.page.downloadFailed")} />
      <div className="customer-layout">
        <div className="customer-column">
          <ProfileCard customer={customer} />
          <TagsCard customer={customer} canEdit={canEdit} />
          <IdentitiesCard customer={customer} canEdit={canEdit} />
          <AttributesCard customer={customer} canEdit={canEdit} />
        </div>
        <div className="customer-column">
          <ScoresCard customerId={customer.id} />
          <PortraitCard customerId={customer.id} />
          <OrdersCard customerId={customer.id} />
          <TimelineCard customerId={customer.id} title={t("customers.surveys.title")} kinds={["survey_response"]} empty={t("customers.surveys.none")} />
          <TimelineCard customerId={customer.id} title={t("customers.timeline.title")} empty={t("customers.timeline.none")} canUndo={hasRole("owner", "admin")} filterable />
        </div>
      </div>
      {canEdit && <EraseDialog customer={customer} open={erasing} onClose={() => setErasing(false)} />}
    </Page>
  );
}

/** One customer: profile, tags, identities, attributes, scores, portrait, orders, survey answers and timeline. */
export function CustomerPage() {
  const { customerId } = useParams<{ customerId: string }>();
  const t = useT();
  const customer = useQuery({ queryKey: keys.customer(customerId), queryFn: () => fetchCustomer(customerId) });
  if (customer.data) return <CustomerView customer={customer.data} />;
  return (
    <Page title={customer.isError ? t("customers.page.notFound") : t("customers.page.loading")}>
      <QueryState query={customer}>{() => null}</QueryState>
      <Link href="~/customers">{t("customers.back")}</Link>
    </Page>
  );
}
