import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { Link, useSearchParams } from "wouter";
import { useHistoryState } from "wouter/use-browser-location";
import { useAccount } from "../../../account/account.tsx";
import { api } from "../../../api/client.ts";
import { useFormat, useT } from "../../../i18n/i18n.tsx";
import { ErrorAlert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { DataTable } from "../../../ui/data-table.tsx";
import { SelectField } from "../../../ui/field.tsx";
import { Page } from "../../../ui/page.tsx";
import { QueryState } from "../../../ui/query-state.tsx";
import { downloadFrom, fetchAttributes, keys, listCustomers } from "../customer-api.ts";
import { ColumnPicker } from "./column-picker.tsx";
import { DEFAULT_COLUMNS, tableColumns } from "./columns.tsx";
import { FiltersPanel } from "./filters-panel.tsx";
import { apiQuery, exportQuery, FILTERS, readView, SORTS, viewSearch, type FilterKey } from "./list-state.ts";
import { SavedViews, type SavedView } from "./saved-views.tsx";
import { SearchBox } from "./search-box.tsx";
import { useStored } from "./stored.ts";

type Paging = { cursors?: string[] } | null;

/** The customer list: search as you type, filters, sort, columns, saved views and keyset pages. */
export function CustomerList() {
  const t = useT();
  const f = useFormat();
  const { me, hasRole } = useAccount();
  const [params, setParams] = useSearchParams();
  const view = readView(params);
  const previous = useHistoryState<Paging>()?.cursors ?? [];
  const tenant = me?.tenant.id ?? "unknown";
  const [columns, setColumns] = useStored<string[]>(`ckm.customers.columns.${tenant}`, DEFAULT_COLUMNS);
  const [views, setViews] = useStored<SavedView[]>(`ckm.customers.views.${tenant}`, []);

  const query = apiQuery(view);
  const list = useQuery({ queryKey: keys.list(query), queryFn: () => listCustomers(query), placeholderData: keepPreviousData });
  const attributes = useQuery({ queryKey: keys.attributes, queryFn: fetchAttributes, staleTime: 60_000 });
  const download = useMutation({
    mutationFn: () => downloadFrom(api.v1.customers["export.csv"].$url({ query: exportQuery(view) }), "customers.csv"),
  });

  /** Changes the view; any change but paging starts again at the first page. */
  const change = useCallback(
    (edit: (next: URLSearchParams) => void, options: { replace?: boolean } = {}) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          edit(next);
          next.delete("cursor");
          return next;
        },
        { replace: options.replace },
      ),
    [setParams],
  );
  const onSearch = useCallback((q: string) => change((next) => (q ? next.set("q", q) : next.delete("q")), { replace: true }), [change]);
  const setFilter = (key: FilterKey, value: string) => change((next) => (value ? next.set(key, value) : next.delete(key)));
  const clearFilters = () => change((next) => FILTERS.forEach((key) => next.delete(key)));
  const goNext = (cursor: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set("cursor", cursor);
        return next;
      },
      { state: { cursors: [...previous, view.cursor ?? ""] } },
    );
  const goPrevious = () =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const back = previous.at(-1);
        if (back) next.set("cursor", back);
        else next.delete("cursor");
        return next;
      },
      { state: { cursors: previous.slice(0, -1) } },
    );
  // A shared link may start deep in the list with no pages behind it in this tab's history.
  const page = !view.cursor ? 1 : previous.length ? previous.length + 1 : null;

  return (
    <Page
      title={t("customers.list.title")}
      actions={
        <>
          <Link href="/duplicates" className="button button-secondary">
            {t("customers.duplicates.link")}
          </Link>
          {hasRole("owner", "admin", "analyst") && (
            <Button busy={download.isPending} onClick={() => download.mutate()}>
              {t("customers.list.export")}
            </Button>
          )}
          {hasRole("owner", "admin") && (
            <Link href="/new" className="button button-primary">
              {t("customers.list.new")}
            </Link>
          )}
        </>
      }
    >
      <ErrorAlert error={download.error} title={t("customers.list.exportFailed")} />
      <SearchBox value={view.q} onSearch={onSearch} />
      <div className="toolbar customer-toolbar">
        <SelectField label={t("customers.list.sort")} value={view.sort} onChange={(event) => change((next) => next.set("sort", event.target.value))}>
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`customers.sorts.${sort}`)}
            </option>
          ))}
        </SelectField>
        <SavedViews
          views={views}
          current={{ search: viewSearch(params), columns }}
          onSave={setViews}
          onOpen={(saved) => {
            setColumns(saved.columns);
            setParams(saved.search);
          }}
        />
        <div className="columns-end">
          <ColumnPicker chosen={columns} attributes={attributes.data?.items ?? []} onChange={setColumns} />
        </div>
      </div>
      <FiltersPanel key={JSON.stringify(view.filters)} filters={view.filters} onChange={setFilter} onClear={clearFilters} />
      <QueryState query={list}>
        {(data) => (
          <>
            <div aria-busy={list.isFetching || undefined} className={list.isPlaceholderData ? "customer-table stale" : "customer-table"}>
              <DataTable
                caption={page ? t("customers.list.caption", { n: page }) : t("customers.list.title")}
                columns={tableColumns(columns, attributes.data?.items ?? [], f, t)}
                rows={data.items}
                rowKey={(customer) => customer.id}
                empty={view.q || Object.keys(view.filters).length ? t("customers.list.noMatches") : t("customers.list.empty")}
              />
            </div>
            <nav className="pager" aria-label={t("customers.list.pages")}>
              <span className="muted" aria-live="polite">
                {page ? t("customers.list.page", { n: page }) : t("customers.list.laterPage")}
              </span>
              <Button disabled={!view.cursor} onClick={goPrevious}>
                {t("common.previous")}
              </Button>
              <Button disabled={!data.nextCursor || list.isPlaceholderData} onClick={() => data.nextCursor && goNext(data.nextCursor)}>
                {t("common.next")}
              </Button>
            </nav>
          </>
        )}
      </QueryState>
    </Page>
  );
}
