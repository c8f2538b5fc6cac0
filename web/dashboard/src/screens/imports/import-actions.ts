import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { importKey, useRefreshImports, type Import } from "./import-api.ts";

export type ImportChange = { mapping?: Record<string, string | null>; options?: { dateOrder?: "YMD" | "DMY" | "MDY"; currency?: string; timeZone?: string; source?: string } };

/** Saving the mapping, starting the dry run and starting the run; each answer replaces the cached import. */
export function useImportActions(importId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshImports();
  const param = { importId };
  const store = (row: Import) => {
    queryClient.setQueryData(importKey(importId), row);
    // Lists (this screen's, the shell's job indicator) show the new status at once, before they refetch.
    queryClient.setQueriesData<{ items: Import[] }>({ queryKey: ["imports"] }, (old) =>
      old && Array.isArray(old.items) ? { ...old, items: old.items.some((item) => item.id === row.id) ? old.items.map((item) => (item.id === row.id ? row : item)) : [row, ...old.items] } : old,
    );
    void refresh();
  };
  const update = useMutation({
    mutationFn: (change: ImportChange) => unwrap(api.v1.imports[":importId"].$patch({ param, json: change })),
    onSuccess: store,
  });
  const validate = useMutation({
    mutationFn: async (change?: ImportChange) => {
      if (change) store(await unwrap(api.v1.imports[":importId"].$patch({ param, json: change })));
      return unwrap(api.v1.imports[":importId"].validate.$post({ param }));
    },
    onSuccess: store,
  });
  const run = useMutation({
    mutationFn: () => unwrap(api.v1.imports[":importId"].run.$post({ param })),
    onSuccess: store,
  });
  return { update, validate, run };
}
