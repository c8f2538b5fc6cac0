import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { IMPORT_FIELDS } from "../../../../../src/customers/import/fields.ts";
import { api } from "../../api/client.ts";
import { ApiError, unwrap } from "../../api/problem.ts";
import { useT } from "../../i18n/i18n.tsx";
import { ErrorAlert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Card } from "../../ui/page.tsx";
import type { Import } from "./import-api.ts";
import { useImportActions, type ImportChange } from "./import-actions.ts";
import { ImportOptions, optionsOf, type OptionValues } from "./import-options.tsx";

type Mapping = Record<string, string | null>;

/** For each column filled twice, the column that fills that field first. */
function duplicates(headers: string[], mapping: Mapping): Map<string, string> {
  const first = new Map<string, string>();
  const clashes = new Map<string, string>();
  for (const header of headers) {
    const target = mapping[header];
    if (!target) continue;
    const earlier = first.get(target);
    if (earlier === undefined) first.set(target, header);
    else clashes.set(header, earlier);
  }
  return clashes;
}

/**
 * The file's columns, each with a select of the ckm field it fills (customer fields, order line
 * fields, the tenant's custom attributes) or "ignore", and how to read its values; saved with
 * imports.update, then checked by the dry run.
 */
export function ColumnMapping({ item, locked }: { item: Import; locked: boolean }) {
  const t = useT();
  const [mapping, setMapping] = useState<Mapping>(() => ({ ...item.mapping }));
  const [options, setOptions] = useState<OptionValues>(() => optionsOf(item.options));
  const [saved, setSaved] = useState(false);
  const attributes = useQuery({ queryKey: ["attributes"], queryFn: () => unwrap(api.v1.attributes.$get()), staleTime: 60_000 });
  const { update, validate } = useImportActions(item.id);
  const clashes = duplicates(item.headers, mapping);
  const fieldLabel = (target: string) =>
    target.startsWith("attributes.")
      ? (attributes.data?.items.find((attribute) => `attributes.${attribute.key}` === target)?.label ?? target)
      : t(`imports.fields.${target as (typeof IMPORT_FIELDS)[number]["key"]}`);
  const initialOptions = optionsOf(item.options);
  const dirty = JSON.stringify(mapping) !== JSON.stringify(item.mapping) || JSON.stringify(options) !== JSON.stringify(initialOptions);
  const change = (): ImportChange => ({ mapping, options: { dateOrder: options.dateOrder, source: options.source.trim() || undefined, currency: options.currency.trim().toUpperCase() || undefined, timeZone: options.timeZone.trim() || undefined } });
  const error = update.error ?? validate.error;
  const issueFor = (path: string) => (error instanceof ApiError ? error.issueAt(path) : undefined);
  const unmatched = item.headers.filter((header) => !mapping[header]).length;
  const customerFields = IMPORT_FIELDS.filter((field) => field.target === "customer");
  const orderFields = IMPORT_FIELDS.filter((field) => field.target === "order");

  return (
    <Card title={t("imports.mapping.title")}>
      <p>{t("imports.mapping.intro")}</p>
      {locked && <p className="muted">{t("imports.mapping.locked")}</p>}
      <div className="table-wrap">
        <table className="table import-mapping">
          <caption className="visually-hidden">{t("imports.mapping.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.mapping.column")}</th>
              <th scope="col">{t("imports.mapping.field")}</th>
            </tr>
          </thead>
          <tbody>
            {item.headers.map((header, index) => {
              const id = `mapping-${index}`;
              const clash = clashes.get(header);
              const message = clash ? t("imports.mapping.duplicate", { field: fieldLabel(mapping[header]!), column: clash }) : issueFor(`mapping.${header}`);
              return (
                <tr key={header}>
                  <th scope="row">{header}</th>
                  <td>
                    <select
                      id={id}
                      className="input"
                      value={mapping[header] ?? ""}
                      disabled={locked}
                      aria-label={t("imports.mapping.fieldFor", { column: header })}
                      aria-invalid={message ? true : undefined}
                      aria-describedby={message ? `${id}-error` : undefined}
                      onChange={(event) => {
                        setSaved(false);
                        setMapping({ ...mapping, [header]: event.target.value || null });
                      }}
                    >
                      <option value="">{t("imports.mapping.ignore")}</option>
                      <optgroup label={t("imports.mapping.customer")}>
                        {customerFields.map((field) => (
                          <option key={field.key} value={field.key}>
                            {t(`imports.fields.${field.key}`)}
                          </option>
                        ))}
                      </optgroup>
                      <optgroup label={t("imports.mapping.order")}>
                        {orderFields.map((field) => (
                          <option key={field.key} value={field.key}>
                            {t(`imports.fields.${field.key}`)}
                          </option>
                        ))}
                      </optgroup>
                      {(attributes.data?.items.length ?? 0) > 0 && (
                        <optgroup label={t("imports.mapping.attributes")}>
                          {attributes.data!.items.map((attribute) => (
                            <option key={attribute.key} value={`attributes.${attribute.key}`}>
                              {attribute.label}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </select>
                    {message && (
                      <p className="field-error" id={`${id}-error`}>
                        {message}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted">{unmatched > 0 ? t("imports.mapping.unmatched", { n: unmatched }) : t("imports.mapping.allMatched")}</p>
      <ImportOptions values={options} disabled={locked} issueFor={issueFor} onChange={(next) => (setSaved(false), setOptions(next))} />
      <ErrorAlert error={error} />
      {saved && !dirty && <p role="status">{t("imports.mapping.saved")}</p>}
      {!locked && <p className="muted">{t("imports.dryRun.intro")}</p>}
      {!locked && (
        <div className="row">
          <Button variant="primary" disabled={clashes.size > 0} busy={validate.isPending} onClick={() => validate.mutate(dirty ? change() : undefined)}>
            {item.status === "validated" ? t("imports.dryRun.again") : t("imports.dryRun.start")}
          </Button>
          <Button disabled={!dirty || clashes.size > 0} busy={update.isPending} onClick={() => update.mutate(change(), { onSuccess: () => setSaved(true) })}>
            {t("imports.mapping.save")}
          </Button>
        </div>
      )}
    </Card>
  );
}
