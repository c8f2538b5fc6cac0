import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { TextField } from "../../../ui/field.tsx";
import { keys, type Customer } from "../customer-api.ts";

const WORD = "ERASE";

/**
 * Erasing cannot be undone, so the user types the customer's name (or ERASE when they have
 * none) before the button works.
 */
export function EraseDialog({ customer, open, onClose }: { customer: Customer; open: boolean; onClose(): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const expected = customer.name?.trim() || WORD;
  const matches = typed.trim() === expected || typed.trim() === WORD;
  const erase = useMutation({
    mutationFn: () => unwrap(api.v1.customers[":customerId"].erase.$post({ param: { customerId: customer.id } })),
    onSuccess: (erased) => {
      queryClient.setQueryData<Customer>(keys.customer(customer.id), { ...erased, identities: [] });
      void queryClient.invalidateQueries({ queryKey: ["customers"], predicate: (query) => query.queryKey[1] !== "one" });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (matches) erase.mutate();
  };
  return (
    <Dialog open={open} title={t("customers.erase.title")} onClose={onClose}>
      <form onSubmit={submit}>
        <p>{t("customers.erase.explain")}</p>
        <p>
          <strong>{t("customers.erase.irreversible")}</strong>
        </p>
        <TextField
          label={customer.name?.trim() ? t("customers.erase.typeName", { name: expected }) : t("customers.erase.typeWord", { word: WORD })}
          value={typed}
          autoComplete="off"
          autoFocus
          onChange={(event) => setTyped(event.target.value)}
        />
        <ErrorAlert error={erase.error} />
        <div className="dialog-actions">
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button type="submit" variant="danger" disabled={!matches} busy={erase.isPending}>
            {t("customers.erase.confirm")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
