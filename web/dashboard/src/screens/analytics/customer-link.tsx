import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";

/** A link to a customer's page, named as the record names them (name, email, company, or an external id). */
export function CustomerLink({ customerId }: { customerId: string }) {
  const t = useT();
  const customer = useQuery({
    queryKey: ["analytics-customer", customerId],
    staleTime: 60_000,
    queryFn: () => unwrap(api.v1.customers[":customerId"].$get({ param: { customerId } })),
  });
  const data = customer.data;
  const identity = data?.identities?.[0];
  const name = data?.name ?? data?.email ?? data?.company ?? (identity ? `${identity.platform} ${identity.externalId}` : null);
  return <Link href={`~/customers/${customerId}`}>{name ?? t("analytics.customer.unnamed", { id: customerId.slice(0, 8) })}</Link>;
}
