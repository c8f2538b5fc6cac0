import type { QueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client.ts";
import { unwrap, type Ok } from "../../../api/problem.ts";

export type Settings = Ok<Awaited<ReturnType<typeof api.v1.settings.$get>>>;
export type SettingsChange = Parameters<typeof api.v1.settings.$patch>[0]["json"];

export const settingsQuery = { queryKey: ["settings"], queryFn: () => unwrap(api.v1.settings.$get()) };

/** Saves a change; the account (formats, tenant name in the header) reads /v1/me, so that follows too. */
export async function saveSettings(queryClient: QueryClient, change: SettingsChange): Promise<Settings> {
  const saved = await unwrap(api.v1.settings.$patch({ json: change }));
  queryClient.setQueryData(["settings"], saved);
  await queryClient.invalidateQueries({ queryKey: ["me"] });
  return saved;
}
