import { useQuery } from "@tanstack/react-query";
import { useAccount } from "../../account/account.tsx";
import { api } from "../../api/client.ts";
import { unwrap } from "../../api/problem.ts";

/** Customers in the tenant, from the data quality report (the one route that counts them all). */
export function useCustomerCount() {
  return useQuery({ queryKey: ["home", "customers"], queryFn: async () => (await unwrap(api.v1.customers.quality.$get({ query: {} }))).total });
}

/** Gross, refunded and net revenue per currency, cancelled orders left out. */
export function useRevenue() {
  return useQuery({ queryKey: ["home", "revenue"], queryFn: async () => (await unwrap(api.v1.orders.summary.$get({ query: {} }))).currencies });
}

/** The latest finished segmentation run and its customers per RFM segment, largest first. */
export function useSegmentSizes() {
  const runs = useQuery({ queryKey: ["home", "runs"], queryFn: () => unwrap(api.v1.segmentation.runs.$get({ query: { limit: "10" } })) });
  const latest = runs.data?.items.find((run) => run.status === "done");
  const portraits = useQuery({
    queryKey: ["home", "segments", latest?.id],
    enabled: Boolean(latest),
    queryFn: () => unwrap(api.v1.segmentation.runs[":runId"].portraits.$get({ param: { runId: latest!.id }, query: { by: "segment" } })),
  });
  return { runs, run: latest, portraits };
}

/** NPS of the newest survey that has been published, for roles that read survey results. */
export function useLatestNps() {
  const { hasRole } = useAccount();
  const allowed = hasRole("owner", "admin", "analyst");
  const surveys = useQuery({ queryKey: ["home", "surveys"], enabled: allowed, queryFn: () => unwrap(api.v1.surveys.$get({ query: {} })) });
  const survey = surveys.data?.items.find((item) => item.status !== "draft");
  const results = useQuery({
    queryKey: ["home", "nps", survey?.id],
    enabled: Boolean(survey),
    queryFn: () => unwrap(api.v1.surveys[":surveyId"].results.$get({ param: { surveyId: survey!.id }, query: {} })),
  });
  return { allowed, surveys, survey, results };
}
