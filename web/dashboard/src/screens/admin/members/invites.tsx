import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useAccount, type Role } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { ApiError, unwrap } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { Card, EmptyState } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError } from "../access.tsx";
import { CopyField } from "../copy-field.tsx";
import { grantableRoles, roleLabel } from "./roles.ts";

/** Invitations: a new one gives a link to hand over (shown once); pending ones can be withdrawn. */
export function Invites() {
  const t = useT();
  const f = useFormat();
  const { me } = useAccount();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const invites = useQuery({ queryKey: ["invites"], queryFn: () => unwrap(api.v1.invites.$get()) });
  const create = useMutation({
    mutationFn: () => unwrap(api.v1.invites.$post({ json: { email, role } })),
    onSuccess: () => {
      setEmail("");
      void queryClient.invalidateQueries({ queryKey: ["invites"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (inviteId: string) => unwrap(api.v1.invites[":inviteId"].$delete({ param: { inviteId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["invites"] }),
  });
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const link = create.data ? `${location.origin}/invite?token=${encodeURIComponent(create.data.token)}` : null;
  return (
    <Card title={t("admin.members.invitesTitle")}>
      <form className="toolbar" onSubmit={submit} noValidate>
        <TextField label={t("admin.members.inviteEmail")} type="email" autoComplete="off" value={email} error={error?.issueAt("json.email")} onChange={(event) => setEmail(event.target.value)} />
        <SelectField label={t("admin.members.role")} value={role} error={error?.issueAt("json.role")} onChange={(event) => setRole(event.target.value as Role)}>
          {grantableRoles(me?.user.role).map((value) => (
            <option key={value} value={value}>
              {t(roleLabel(value))}
            </option>
          ))}
        </SelectField>
        <Button type="submit" variant="primary" busy={create.isPending}>
          {t("admin.members.invite")}
        </Button>
      </form>
      {error && !error.issueAt("json.email") && !error.issueAt("json.role") && <AdminError error={error} />}
      {link && create.data && (
        <div className="secret-once">
          <p className="alert-title">{t("admin.members.invitedTitle", { email: create.data.invite.email, role: t(roleLabel(create.data.invite.role)) })}</p>
          <p>{t("admin.members.invitedText", { at: f.dateTime(create.data.invite.expiresAt) })}</p>
          <CopyField label={t("admin.members.inviteLink")} value={link} />
        </div>
      )}
      <h3>{t("admin.members.pending")}</h3>
      <AdminError error={revoke.error} />
      <QueryState query={invites}>
        {(data) => (
          <DataTable
            caption={t("admin.members.pending")}
            rows={data.items.filter((invite) => invite.status === "pending")}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t("admin.members.noPending")} />}
            columns={[
              { key: "email", header: t("admin.members.email"), cell: (row) => row.email },
              { key: "role", header: t("admin.members.role"), cell: (row) => t(roleLabel(row.role)) },
              { key: "created", header: t("admin.members.invitedAt"), cell: (row) => f.dateTime(row.createdAt) },
              { key: "expires", header: t("admin.members.expires"), cell: (row) => f.dateTime(row.expiresAt) },
              {
                key: "actions",
                header: <span className="visually-hidden">{t("common.actions")}</span>,
                cell: (row) => (
                  <Button variant="ghost" busy={revoke.isPending && revoke.variables === row.id} onClick={() => revoke.mutate(row.id)} aria-label={t("admin.members.revokeNamed", { email: row.email })}>
                    {t("admin.members.revoke")}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}
