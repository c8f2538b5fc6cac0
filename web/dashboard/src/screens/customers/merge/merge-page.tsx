import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "wouter";
import { useAccount } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { fetchCustomer, keys, updateCustomer, type Customer, type CustomerChange } from "../customer-api.ts";
import { displayName, type ProfileField } from "../fields.ts";
import { MergeDone } from "./merge-done.tsx";
import { pickedChange } from "./merge-plan.ts";
import { MergeTable } from "./merge-table.tsx";

type Merged = { mergeId: string; undo: CustomerChange | null };

function Compare({ survivor, duplicate, onMerged }: { survivor: Customer; duplicate: Customer; onMerged(merged: Merged): void }) {
  const t = useT();
  const { hasRole } = useAccount();
  const [, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<ProfileField[]>([]);
  const name = (customer: Customer) => displayName(customer) ?? t("customers.unnamed");
  const merge = useMutation({
    mutationFn: async () => {
      const { apply, undo } = pickedChange(survivor, duplicate, picked);
      if (picked.length) await updateCustomer(survivor.id, apply);
      const row = await unwrap(api.v1.customers[":customerId"].merge.$post({ param: { customerId: survivor.id }, json: { duplicateId: duplicate.id } }));
      return { mergeId: row.id, undo: picked.length ? undo : null };
    },
    onSuccess: (merged) => {
      void queryClient.invalidateQueries({ queryKey: ["customers"] });
      onMerged(merged);
    },
  });
  const swap = () => setParams({ survivor: duplicate.id, duplicate: survivor.id });
  return (
    <>
      <p className="muted">{t("customers.merge.rules")}</p>
      <div className="row merge-heads">
        <p>
          {t("customers.merge.keeping")} <Link href={`/${survivor.id}`}>{name(survivor)}</Link>
        </p>
        <p>
          {t("customers.merge.removing")} <Link href={`/${duplicate.id}`}>{name(duplicate)}</Link>
        </p>
        <Button onClick={swap}>{t("customers.merge.swap")}</Button>
      </div>
      <MergeTable survivor={survivor} duplicate={duplicate} picked={picked} onPick={(field, fromDuplicate) => setPicked((old) => (fromDuplicate ? [...old, field] : old.filter((item) => item !== field)))} />
      <ErrorAlert error={merge.error} title={t("customers.merge.failed")} />
      {hasRole("owner", "admin") ? (
        <div className="row form-actions">
          <Button variant="primary" busy={merge.isPending} onClick={() => merge.mutate()}>
            {t("customers.merge.confirm", { name: name(survivor) })}
          </Button>
        </div>
      ) : (
        <Alert>{t("customers.merge.notAllowed")}</Alert>
      )}
    </>
  );
}

/** Two records side by side, the value that remains for each field, then the merge (and its undo). */
export function MergePage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const survivorId = params.get("survivor") ?? "";
  const duplicateId = params.get("duplicate") ?? "";
  const mergeId = params.get("merge");
  const [undoChange, setUndoChange] = useState<CustomerChange | null>(null);
  const survivor = useQuery({ queryKey: keys.customer(survivorId), queryFn: () => fetchCustomer(survivorId), enabled: Boolean(survivorId) });
  const duplicate = useQuery({ queryKey: keys.customer(duplicateId), queryFn: () => fetchCustomer(duplicateId), enabled: Boolean(duplicateId) && !mergeId });
  const back = (
    <Link href="/duplicates" className="button button-ghost">
      {t("customers.merge.backToDuplicates")}
    </Link>
  );
  if (!survivorId || !duplicateId)
    return (
      <Page title={t("customers.merge.title")} actions={back}>
        <Alert tone="warning">{t("customers.merge.missing")}</Alert>
      </Page>
    );
  return (
    <Page title={t("customers.merge.title")} actions={back}>
      {mergeId ? (
        <MergeDone mergeId={mergeId} survivorId={survivorId} duplicateId={duplicateId} undoChange={undoChange} />
      ) : (
        <QueryState query={survivor}>
          {(one) => (
            <QueryState query={duplicate}>
              {(other) => (
                <Compare
                  survivor={one}
                  duplicate={other}
                  onMerged={(merged) => {
                    setUndoChange(merged.undo);
                    setParams((current) => {
                      const next = new URLSearchParams(current);
                      next.set("merge", merged.mergeId);
                      return next;
                    });
                  }}
                />
              )}
            </QueryState>
          )}
        </QueryState>
      )}
    </Page>
  );
}
