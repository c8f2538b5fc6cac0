import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useParams } from "wouter";
import { useT } from "../../../i18n/i18n.tsx";
import { Alert } from "../../../ui/alert.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { fetchAttributes, fetchCustomer, keys, updateCustomer, type Attribute, type Customer } from "../customer-api.ts";
import { displayName } from "../fields.ts";
import { CustomerForm } from "./customer-form.tsx";
import { changeOf, formValuesOf } from "./form-values.ts";

function EditForm({ customer, attributes }: { customer: Customer; attributes: Attribute[] }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [before] = useState(() => formValuesOf(customer, attributes));
  const [values, setValues] = useState(before);
  const [unchanged, setUnchanged] = useState(false);
  const save = useMutation({
    mutationFn: () => updateCustomer(customer.id, changeOf(values, before, attributes)),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.customer(customer.id), next);
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      navigate(`/${customer.id}`);
    },
  });
  const submit = () => {
    if (Object.keys(changeOf(values, before, attributes)).length === 0) return setUnchanged(true);
    setUnchanged(false);
    save.mutate();
  };
  return (
    <CustomerForm
      values={values}
      onChange={setValues}
      attributes={attributes}
      error={save.error}
      busy={save.isPending}
      submitLabel={t("customers.form.save")}
      onSubmit={submit}
      extra={unchanged && <Alert>{t("customers.form.unchanged")}</Alert>}
    />
  );
}

/** Edits a customer's profile; only changed fields are sent, each problem shows by its field. */
export function EditCustomerPage() {
  const t = useT();
  const { customerId } = useParams<{ customerId: string }>();
  const customer = useQuery({ queryKey: keys.customer(customerId), queryFn: () => fetchCustomer(customerId) });
  const attributes = useQuery({ queryKey: keys.attributes, queryFn: fetchAttributes, staleTime: 60_000 });
  const name = customer.data ? displayName(customer.data) ?? t("customers.unnamed") : "";
  return (
    <Page
      title={customer.data ? t("customers.form.editTitle", { name }) : t("customers.form.editTitleLoading")}
      actions={
        <Link href={`/${customerId}`} className="button button-ghost">
          {t("customers.form.backToCustomer")}
        </Link>
      }
    >
      <QueryState query={customer}>
        {(data) =>
          data.erasedAt ? (
            <Alert tone="warning">{t("customers.erased.noEdit")}</Alert>
          ) : (
            <QueryState query={attributes}>{(defined) => <EditForm customer={data} attributes={defined.items} />}</QueryState>
          )
        }
      </QueryState>
    </Page>
  );
}
