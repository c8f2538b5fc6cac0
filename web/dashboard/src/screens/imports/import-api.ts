import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { api, authFetch } from "../../api/client.ts";
import { ApiError, unwrap, type Ok, type Problem } from "../../api/problem.ts";

export type Import = Ok<Awaited<ReturnType<(typeof api.v1.imports)[":importId"]["$get"]>>>;
export type ImportStatus = Import["status"];
export type TemplateLanguage = "en" | "zh";

/** Statuses during which a queue consumer works through the file. */
export const WORKING: readonly ImportStatus[] = ["validating", "running"];
export const isWorking = (status: ImportStatus) => WORKING.includes(status);

export const importKey = (importId: string) => ["imports", "one", importId] as const;

const stored = (importId: string) => `ckm.import.${importId}`;

function lastSeen(importId: string): Import | undefined {
  try {
    const text = sessionStorage.getItem(stored(importId));
    return text ? (JSON.parse(text) as Import) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One import, polled every two seconds while it is being checked or run, so its progress moves on
 * screen. What was last seen is kept for the tab, so a reload shows it at once while the fresh
 * answer comes (the API can be slow to answer while a large file is being worked through).
 */
export function useImport(importId: string) {
  const query = useQuery({
    queryKey: importKey(importId),
    queryFn: () => unwrap(api.v1.imports[":importId"].$get({ param: { importId } })),
    initialData: () => lastSeen(importId),
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (query.state.data && isWorking(query.state.data.status) ? 2_000 : false),
  });
  useEffect(() => {
    if (query.data) sessionStorage.setItem(stored(importId), JSON.stringify(query.data));
  }, [importId, query.data]);
  return query;
}

/** After starting or finishing work: the lists, the shell's job indicator and the home page catch up. */
export function useRefreshImports() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ["imports"] }), queryClient.invalidateQueries({ queryKey: ["home"] })]);
}

/** A non-JSON answer (CSV) read as text, or the problem document as an ApiError. */
async function textOf(response: Promise<Response>): Promise<string> {
  let res: Response;
  try {
    res = await response;
  } catch (error) {
    throw new ApiError({ title: "The server could not be reached", status: 0, code: "NETWORK", detail: String(error) });
  }
  if (res.ok) return res.text();
  if ((res.headers.get("content-type") ?? "").includes("json")) throw new ApiError((await res.json()) as Problem);
  throw new ApiError({ title: res.statusText || "Request failed", status: res.status, code: `HTTP_${res.status}` });
}

/** The CSV template (its header line), through authFetch since the typed client reads only JSON. */
export function fetchTemplate(lang: TemplateLanguage): Promise<string> {
  return textOf(authFetch(api.v1.imports["template.csv"].$url({ query: { lang } })));
}

/** The dry run's problems as CSV text: row, column, problem. */
export function fetchProblems(importId: string): Promise<string> {
  return textOf(authFetch(api.v1.imports[":importId"]["problems.csv"].$url({ param: { importId } })));
}

/** Sends the file itself as the body (the typed client cannot send a raw body) and answers the new import. */
export async function uploadFile(file: File): Promise<Import> {
  const url = api.v1.imports.$url();
  url.searchParams.set("fileName", file.name.slice(0, 255));
  const text = await textOf(authFetch(url, { method: "POST", body: file, headers: { "content-type": "text/csv" } }));
  return (JSON.parse(text) as { import: Import }).import;
}
