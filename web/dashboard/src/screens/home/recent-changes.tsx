import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { unwrap, type Ok } from "../../api/problem.ts";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import type { MessageKey } from "../../i18n/translate.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { Card } from "../../ui/page.tsx";
import { QueryState } from "../../ui/query-state.tsx";

type Entry = Ok<Awaited<ReturnType<typeof api.v1["audit-log"]["$get"]>>>["items"][number];
type Customer = Ok<Awaited<ReturnType<typeof api.v1.customers.$get>>>["items"][number];

/** Sessions, reads and exports are audited too, but they change nothing. */
const NOT_CHANGES = new Set(["auth.login", "auth.logout", "auth.refresh", "auth.refresh_reuse", "customers.data", "customers.export", "segments.preview", "segments.export", "surveys.responses.export", "backups.download", "backups.verify"]);
const SHOWN = 8;

function When({ at }: { at: string }) {
  const f = useFormat();
  return (
    <time dateTime={at} title={f.dateTime(at)}>
      {f.relative(at)}
    </time>
  );
}

/** The audit trail's latest changes, with who made them; for owners and admins, who may read it. */
function AuditChanges() {
  const t = useT();
  const log = useQuery({ queryKey: ["home", "audit"], queryFn: () => unwrap(api.v1["audit-log"].$get({ query: { limit: "50" } })) });
  const members = useQuery({ queryKey: ["members"], queryFn: () => unwrap(api.v1.members.$get()), staleTime: 60_000 });
  const who = (entry: Entry) => {
    if (entry.actorType === "secret_key") return t("home.changes.apiKey");
    if (entry.actorType !== "user") return t("home.changes.system");
    return members.data?.items.find((member) => member.id === entry.actorId)?.name ?? t("home.changes.someone");
  };
  const what = (entry: Entry) => {
    const key = `home.actions.${entry.action}` as MessageKey;
    const label = t(key);
    return label === key ? <code>{entry.action}</code> : label;
  };
  return (
    <QueryState query={log}>
      {(page) => (
        <DataTable<Entry>
          caption={t("home.changes.caption")}
          rows={page.items.filter((entry) => !NOT_CHANGES.has(entry.action)).slice(0, SHOWN)}
          rowKey={(entry) => entry.id}
          empty={<p className="muted">{t("home.changes.none")}</p>}
          columns={[
            { key: "when", header: t("home.changes.when"), cell: (entry) => <When at={entry.at} /> },
            { key: "who", header: t("home.changes.who"), cell: who },
            { key: "what", header: t("home.changes.what"), cell: what },
          ]}
        />
      )}
    </QueryState>
  );
}

/** For analysts and viewers, who may not read the audit log: the customers updated most recently. */
function UpdatedCustomers() {
  const t = useT();
  const list = useQuery({ queryKey: ["home", "updated-customers"], queryFn: () => unwrap(api.v1.customers.$get({ query: { sort: "-updatedAt", limit: String(SHOWN) } })) });
  return (
    <>
      <h3>{t("home.changes.customersTitle")}</h3>
      <QueryState query={list}>
        {(page) => (
          <DataTable<Customer>
            caption={t("home.changes.customersCaption")}
            rows={page.items}
            rowKey={(customer) => customer.id}
            empty={<p className="muted">{t("home.changes.none")}</p>}
            columns={[
              { key: "customer", header: t("home.changes.customer"), cell: (customer) => <Link href={`/customers/${customer.id}`}>{customer.name ?? customer.email ?? t("home.changes.unnamed")}</Link> },
              { key: "updated", header: t("home.changes.updated"), cell: (customer) => <When at={customer.updatedAt} /> },
            ]}
          />
        )}
      </QueryState>
      <p className="muted small">{t("home.changes.auditNote")}</p>
    </>
  );
}

/** Recent changes: the audit log for those who may read it, recently updated customers for everyone else. */
export function RecentChanges() {
  const t = useT();
  const { hasRole } = useAccount();
  const managers = hasRole("owner", "admin");
  return (
    <Card title={t("home.changes.title")} actions={managers && <Link href="/settings/audit-log">{t("home.changes.all")}</Link>}>
      {managers ? <AuditChanges /> : <UpdatedCustomers />}
    </Card>
  );
}
