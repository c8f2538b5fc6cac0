import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";
import { isActive, type Run, type Score } from "./run-model.ts";

/** Scores read for the charts: every customer of a run up to this many, in customer id order (random ids, so a fair sample beyond). */
export const SCORE_CAP = 20_000;
const PAGE = 500;

/** The tenant's recent runs, newest first, polled while one of them is under way. */
export function useRuns() {
  return useQuery({
    queryKey: ["runs", "list"],
    queryFn: () => unwrap(api.v1.segmentation.runs.$get({ query: { limit: "50" } })),
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 3_000 : false),
  });
}

/** One run, polled every second while it is queued or running. */
export function useRun(runId: string | null) {
  return useQuery({
    queryKey: ["run", runId],
    enabled: runId !== null,
    queryFn: () => unwrap(api.v1.segmentation.runs[":runId"].$get({ param: { runId: runId! } })),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? 1_000 : false),
  });
}

/** Starts a run (as of a date, or now); the new run is put in the cache so its progress shows at once. */
export function useStartRun(onStarted: (run: Run) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (asOf: string | undefined) => unwrap(api.v1.segmentation.runs.$post({ json: asOf ? { asOf } : {} })),
    onSuccess: (run) => {
      queryClient.setQueryData(["run", run.id], run);
      void queryClient.invalidateQueries({ queryKey: ["runs"] });
      onStarted(run);
    },
  });
}

export type ScoreSample = { items: Score[]; capped: boolean };

/** A finished run's scores, page after page up to SCORE_CAP; they never change, so they are read once. */
export function useScores(run: Run) {
  return useQuery({
    queryKey: ["run-scores", run.id],
    enabled: run.status === "done",
    staleTime: Infinity,
    queryFn: async (): Promise<ScoreSample> => {
      const items: Score[] = [];
      let cursor: string | null = null;
      do {
        const query: { limit: string; cursor?: string } = cursor ? { limit: String(PAGE), cursor } : { limit: String(PAGE) };
        const page = await unwrap(api.v1.segmentation.runs[":runId"].scores.$get({ param: { runId: run.id }, query }));
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < SCORE_CAP);
      return { items, capped: cursor !== null };
    },
  });
}

/** Exact group sizes and tag clouds of a finished run, by RFM segment or by cluster. */
export function usePortraits(run: Run, by: "segment" | "cluster") {
  return useQuery({
    queryKey: ["run-portraits", run.id, by],
    enabled: run.status === "done",
    staleTime: Infinity,
    queryFn: () => unwrap(api.v1.segmentation.runs[":runId"].portraits.$get({ param: { runId: run.id }, query: { by } })),
  });
}
