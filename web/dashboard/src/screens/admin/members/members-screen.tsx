import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useAccount, type Role } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { unwrap, type Ok } from "../../../api/problem.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { Card, Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { AdminError } from "../access.tsx";
import { ConfirmDialog } from "../../../ui/confirm-dialog.tsx";
import { Invites } from "./invites.tsx";
import { grantableRoles, mayManage, roleLabel } from "./roles.ts";

type Member = Ok<Awaited<ReturnType<typeof api.v1.members.$get>>>["items"][number];

function MembersTable() {
  const t = useT();
  const f = useFormat();
  const { me } = useAccount();
  const queryClient = useQueryClient();
  const myRole = me?.user.role;
  const members = useQuery({ queryKey: ["members"], queryFn: () => unwrap(api.v1.members.$get()) });
  const [removing, setRemoving] = useState<Member | null>(null);
  const changeRole = useMutation({
    mutationFn: ({ memberId, role }: { memberId: string; role: Role }) => unwrap(api.v1.members[":memberId"].$patch({ param: { memberId }, json: { role } })),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ["members"] }), queryClient.invalidateQueries({ queryKey: ["me"] })]),
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => unwrap(api.v1.members[":memberId"].$delete({ param: { memberId } })),
    onSuccess: async () => {
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: ["members"] });
    },
  });
  return (
    <Card title={t("admin.members.membersTitle")}>
      <AdminError error={changeRole.error} />
      {changeRole.isSuccess && (
        <p className="muted" role="status">
          {t("admin.members.roleChanged", { name: changeRole.data.name, role: t(roleLabel(changeRole.data.role)) })}
        </p>
      )}
      <QueryState query={members}>
        {(data) => (
          <DataTable
            caption={t("admin.members.membersTitle")}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { key: "name", header: t("admin.members.name"), cell: (row) => (row.id === me?.user.id ? t("admin.members.you", { name: row.name }) : row.name) },
              { key: "email", header: t("admin.members.email"), cell: (row) => row.email },
              {
                key: "role",
                header: t("admin.members.role"),
                cell: (row) =>
                  mayManage(myRole, row.role) ? (
                    <select
                      className="inline-select"
                      aria-label={t("admin.members.roleOf", { name: row.name })}
                      value={row.role}
                      disabled={changeRole.isPending}
                      onChange={(event) => changeRole.mutate({ memberId: row.id, role: event.target.value as Role })}
                    >
                      {[...new Set([row.role, ...grantableRoles(myRole)])].map((role) => (
                        <option key={role} value={role}>
                          {t(roleLabel(role))}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(roleLabel(row.role))
                  ),
              },
              { key: "joined", header: t("admin.members.joined"), cell: (row) => f.date(row.createdAt) },
              { key: "lastLogin", header: t("admin.members.lastLogin"), cell: (row) => (row.lastLoginAt ? f.dateTime(row.lastLoginAt) : t("admin.members.never")) },
              {
                key: "actions",
                header: <span className="visually-hidden">{t("common.actions")}</span>,
                cell: (row) =>
                  mayManage(myRole, row.role) && row.id !== me?.user.id ? (
                    <Button variant="ghost" onClick={() => setRemoving(row)} aria-label={t("admin.members.removeNamed", { name: row.name })}>
                      {t("admin.members.remove")}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={t("admin.members.removeTitle", { name: removing?.name ?? "" })}
        confirmLabel={t("admin.members.remove")}
        busy={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing.id)}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
      >
        <p>{t("admin.members.removeText", { email: removing?.email ?? "" })}</p>
      </ConfirmDialog>
    </Card>
  );
}

/** The tenant's staff and their roles; owners and admins also invite, change roles and remove. */
export function MembersScreen() {
  const t = useT();
  const { hasRole } = useAccount();
  const manager = hasRole("owner", "admin");
  return (
    <Page title={t("admin.members.title")} description={manager ? t("admin.members.description") : t("admin.members.readOnly")}>
      <MembersTable />
      {manager && <Invites />}
    </Page>
  );
}
