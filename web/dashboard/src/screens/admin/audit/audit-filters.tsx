import { useQuery } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { unwrap } from "../../../api/problem.ts";
import { useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";
import { AUDIT_ACTIONS, actionLabel } from "./actions.ts";

export type Filters = { actor: string; action: string; from: string; to: string };

/** Names for actor ids: members by name, API keys by their name. */
export function useActors(): Map<string, string> {
  const members = useQuery({ queryKey: ["members"], queryFn: () => unwrap(api.v1.members.$get()) });
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => unwrap(api.v1["api-keys"].$get()) });
  const names = new Map<string, string>();
  for (const member of members.data?.items ?? []) names.set(member.id, member.name);
  for (const key of keys.data?.items ?? []) names.set(key.id, key.name);
  return names;
}

/** The filters the audit route takes: who, which action, from and to (calendar days in the tenant's zone). */
export function AuditFilters({ filters, onChange, actors }: { filters: Filters; onChange(next: Filters): void; actors: Map<string, string> }) {
  const t = useT();
  const set = (name: keyof Filters, value: string) => onChange({ ...filters, [name]: value });
  const actions = [...AUDIT_ACTIONS].sort((a, b) => actionLabel(t, a).localeCompare(actionLabel(t, b)));
  return (
    <div className="toolbar" role="search" aria-label={t("admin.audit.filters")}>
      <SelectField label={t("admin.audit.who")} value={filters.actor} onChange={(event) => set("actor", event.target.value)}>
        <option value="">{t("admin.audit.anyone")}</option>
        {[...actors].map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("admin.audit.what")} value={filters.action} onChange={(event) => set("action", event.target.value)}>
        <option value="">{t("admin.audit.anyAction")}</option>
        {actions.map((action) => (
          <option key={action} value={action}>
            {actionLabel(t, action)}
          </option>
        ))}
      </SelectField>
      <TextField label={t("admin.audit.from")} type="date" value={filters.from} max={filters.to || undefined} onChange={(event) => set("from", event.target.value)} />
      <TextField label={t("admin.audit.to")} type="date" value={filters.to} min={filters.from || undefined} onChange={(event) => set("to", event.target.value)} />
      {(filters.actor || filters.action || filters.from || filters.to) && (
        <Button variant="ghost" onClick={() => onChange({ actor: "", action: "", from: "", to: "" })}>
          {t("admin.audit.clear")}
        </Button>
      )}
    </div>
  );
}
