import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/i18n.tsx";
import { ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { TextField } from "../../../ui/field.tsx";
import { Card } from "../../../ui/page.tsx";
import { keys, updateCustomer, type Customer } from "../customer-api.ts";

/** The customer's tags, added and removed with a PATCH of the whole list. */
export function TagsCard({ customer, canEdit }: { customer: Customer; canEdit: boolean }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const save = useMutation({
    mutationFn: (tags: string[]) => updateCustomer(customer.id, { tags }),
    onSuccess: (next) => {
      queryClient.setQueryData(keys.customer(customer.id), next);
      void queryClient.invalidateQueries({ queryKey: ["customers", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["customers", "timeline", customer.id] });
      setText("");
    },
  });
  const add = (event: FormEvent) => {
    event.preventDefault();
    const added = text.split(",").map((tag) => tag.trim()).filter((tag) => tag && !customer.tags.some((own) => own.toLowerCase() === tag.toLowerCase()));
    if (added.length) save.mutate([...customer.tags, ...added]);
  };
  return (
    <Card title={t("customers.tags.title")}>
      {customer.tags.length === 0 ? (
        <p className="muted">{t("customers.tags.none")}</p>
      ) : (
        <ul className="tag-list" aria-label={t("customers.tags.title")}>
          {customer.tags.map((tag) => (
            <li key={tag} className="chip">
              {tag}
              {canEdit && (
                <button type="button" className="chip-remove" aria-label={t("customers.tags.remove", { tag })} disabled={save.isPending} onClick={() => save.mutate(customer.tags.filter((own) => own !== tag))}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={save.error} />
      {canEdit && (
        <form className="row inline-form" onSubmit={add}>
          <TextField label={t("customers.tags.add")} hint={t("customers.tags.addHint")} value={text} maxLength={200} onChange={(event) => setText(event.target.value)} />
          <Button type="submit" busy={save.isPending}>
            {t("customers.tags.addButton")}
          </Button>
        </form>
      )}
    </Card>
  );
}
