import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { fetchAttributes, keys, type Attribute, type NewCustomer } from "../customer-api.ts";
import { CustomerForm } from "./customer-form.tsx";
import { changeOf, formValuesOf } from "./form-values.ts";

function NewCustomerForm({ attributes }: { attributes: Attribute[] }) {
  const t = useT();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(() => formValuesOf(null, attributes));
  const create = useMutation({
    mutationFn: () => unwrap(api.v1.customers.$post({ json: changeOf(values, null, attributes) as NewCustomer })),
    onSuccess: (customer) => {
      void queryClient.invalidateQueries({ queryKey: ["customers", "list"] });
      queryClient.setQueryData(keys.customer(customer.id), customer);
      navigate(`/${customer.id}`);
    },
  });
  return <CustomerForm values={values} onChange={setValues} attributes={attributes} error={create.error} busy={create.isPending} submitLabel={t("customers.form.create")} onSubmit={() => create.mutate()} />;
}

/** A form for a customer entered by hand; the API standardises what is typed. */
export function NewCustomerPage() {
  const t = useT();
  const attributes = useQuery({ queryKey: keys.attributes, queryFn: fetchAttributes, staleTime: 60_000 });
  return (
    <Page
      title={t("customers.form.newTitle")}
      description={t("customers.form.newHint")}
      actions={
        <Link href="/" className="button button-ghost">
          {t("customers.back")}
        </Link>
      }
    >
      <QueryState query={attributes}>{(data) => <NewCustomerForm attributes={data.items} />}</QueryState>
    </Page>
  );
}
