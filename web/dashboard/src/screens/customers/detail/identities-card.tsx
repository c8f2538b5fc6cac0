import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Card } from "../../../ui/page.tsx";
import { keys, type Customer } from "../customer-api.ts";

type Identity = { platform: string; externalId: string };

/** The customer's ids on other platforms (a shop, a payment provider), linked and unlinked here. */
export function IdentitiesCard({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [platform, setPlatform] = useState("");
  const [externalId, setExternalId] = useState("");
  const settle = (identities: Identity[]) => queryClient.setQueryData<Customer>(keys.customer(customer.id), (old) => old && { ...old, identities });
  const add = useMutation({
    mutationFn: () => unwrap(api.v1.customers[":customerId"].identities.$post({ param: { customerId: customer.id }, json: { platform, externalId } })),
    onSuccess: (body) => {
      settle(body.identities);
      setPlatform("");
      setExternalId("");
    },
  });
  const remove = useMutation({
    mutationFn: (identity: Identity) => unwrap(api.v1.customers[":customerId"].identities.$delete({ param: { customerId: customer.id }, query: identity })),
    onSuccess: (body) => settle(body.identities),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const issue = (path: string) => (add.error instanceof ApiError ? add.error.issueAt(path) : undefined);
  const identities = customer.identities ?? [];
  return (
    <Card title={t("customers.identities.title")}>
      {identities.length === 0 ? (
        <p className="muted">{t("customers.identities.none")}</p>
      ) : (
        <ul className="plain-list">
          {identities.map((identity) => (
            <li key={`${identity.platform}:${identity.externalId}`} className="row identity">
              <span className="chip">{identity.platform}</span>
              <code>{identity.externalId}</code>
              {canEdit && (
                <Button variant="ghost" busy={remove.isPending && remove.variables === identity} onClick={() => remove.mutate(identity)} aria-label={t("customers.identities.remove", { platform: identity.platform, id: identity.externalId })}>
                  {t("customers.identities.removeShort")}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={remove.error} />
      {canEdit && (
        <form className="inline-form identity-form" onSubmit={submit}>
          {add.error instanceof ApiError && !issue("json.platform") && !issue("json.externalId") && <ErrorAlert error={add.error} />}
          <div className="row">
            <TextField label={t("customers.identities.platform")} hint={t("customers.identities.platformHint")} value={platform} error={issue("json.platform")} onChange={(event) => setPlatform(event.target.value)} />
            <TextField label={t("customers.identities.externalId")} value={externalId} error={issue("json.externalId")} onChange={(event) => setExternalId(event.target.value)} />
          </div>
          <Button type="submit" busy={add.isPending}>
            {t("customers.identities.add")}
          </Button>
        </form>
      )}
    </Card>
  );
}
