import { useT } from "../../../i18n/i18n.tsx";

const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));

/** A field's change as "old → new" when the entry records both, else the value as recorded. */
function show(value: unknown): string {
  if (value && typeof value === "object" && "from" in value && "to" in value) return `${text(value.from)} → ${text(value.to)}`;
  return text(value);
}

/** The fields an entry changed, folded away behind their count so the table stays scannable. */
export function Changes({ changes }: { changes: Record<string, unknown> }) {
  const t = useT();
  const fields = Object.entries(changes);
  if (fields.length === 0) return <span className="muted">—</span>;
  return (
    <details className="audit-changes">
      <summary>{fields.length === 1 ? t("admin.audit.fieldsOne") : t("admin.audit.fieldsMany", { n: fields.length })}</summary>
      <dl className="details small">
        {fields.map(([field, value]) => (
          <div key={field} className="contents">
            <dt>{field}</dt>
            <dd>
              <code>{show(value)}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
