import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "wouter";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Alert, ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { updateCustomer, type CustomerChange } from "../customer-api.ts";

type Props = { mergeId: string; survivorId: string; duplicateId: string; undoChange: CustomerChange | null };

/**
 * A finished merge, its id in the address so a reload still offers the undo. Undo restores both
 * records as they were just before the merge, then the survivor's own values where the
 * duplicate's were picked.
 */
export function MergeDone({ mergeId, survivorId, duplicateId, undoChange }: Props) {
  const t = useT();
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: async () => {
      await unwrap(api.v1["customer-merges"][":mergeId"].undo.$post({ param: { mergeId } }));
      if (undoChange) await updateCustomer(survivorId, undoChange);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["customers"] }),
  });
  if (undo.isSuccess)
    return (
      <Alert tone="success" title={t("customers.merge.undoneTitle")}>
        <p className="row">
          <Link href={`/${survivorId}`}>{t("customers.merge.openFirst")}</Link>
          <Link href={`/${duplicateId}`}>{t("customers.merge.openSecond")}</Link>
        </p>
      </Alert>
    );
  return (
    <>
      <Alert tone="success" title={t("customers.merge.doneTitle")}>
        <p>{t("customers.merge.doneHint")}</p>
        <p>
          <Link href={`/${survivorId}`}>{t("customers.merge.openMerged")}</Link>
        </p>
      </Alert>
      <ErrorAlert error={undo.error} title={t("customers.merge.undoFailed")} />
      <Button busy={undo.isPending} onClick={() => undo.mutate()}>
        {t("customers.merge.undo")}
      </Button>
    </>
  );
}
