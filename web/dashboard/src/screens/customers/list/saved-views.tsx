import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { SelectField, TextField } from "../../../ui/field.tsx";

export type SavedView = { id: string; name: string; search: string; columns: string[] };

type Props = { views: SavedView[]; current: { search: string; columns: string[] }; onSave(views: SavedView[]): void; onOpen(view: SavedView): void };

/**
 * Named views of the list (search, filters, sort and columns), kept in this browser for the
 * tenant: the API has no place for them.
 */
export function SavedViews({ views, current, onSave, onOpen }: Props) {
  const t = useT();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const openView = views.find((view) => view.search === current.search && view.columns.join() === current.columns.join());
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t("customers.views.nameRequired"));
    const others = views.filter((view) => view.name !== trimmed);
    onSave([...others, { id: crypto.randomUUID(), name: trimmed, ...current }].sort((a, b) => a.name.localeCompare(b.name)));
    setNaming(false);
  };
  return (
    <div className="row saved-views">
      <SelectField
        label={t("customers.views.label")}
        value={openView?.id ?? ""}
        onChange={(event) => {
          const view = views.find((candidate) => candidate.id === event.target.value);
          if (view) onOpen(view);
        }}
      >
        <option value="">{views.length ? t("customers.views.choose") : t("customers.views.none")}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </SelectField>
      <Button
        onClick={() => {
          setName(openView?.name ?? "");
          setError(undefined);
          setNaming(true);
        }}
      >
        {t("customers.views.save")}
      </Button>
      {openView && (
        <Button variant="ghost" onClick={() => onSave(views.filter((view) => view.id !== openView.id))}>
          {t("customers.views.delete", { name: openView.name })}
        </Button>
      )}
      <Dialog open={naming} title={t("customers.views.saveTitle")} onClose={() => setNaming(false)}>
        <form onSubmit={save}>
          <p className="muted">{t("customers.views.saveHint")}</p>
          <TextField label={t("customers.views.name")} value={name} error={error} autoFocus maxLength={80} onChange={(event) => setName(event.target.value)} />
          <div className="dialog-actions">
            <Button onClick={() => setNaming(false)}>{t("common.cancel")}</Button>
            <Button type="submit" variant="primary">
              {t("common.save")}
            </Button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
