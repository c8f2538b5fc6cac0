import type { Ok } from "../../api/problem.ts";
import type { api } from "../../api/client.ts";

type RunAnswer = Awaited<ReturnType<(typeof api.v1.segmentation.runs)[":runId"]["$get"]>>;
type ScoresAnswer = Awaited<ReturnType<(typeof api.v1.segmentation.runs)[":runId"]["scores"]["$get"]>>;

export type Run = Ok<RunAnswer>;
export type Score = Ok<ScoresAnswer>["items"][number];

/** The order a run works through; `finished` is where a done run rests. */
export const STAGES = ["rfm", "fit", "cluster", "score", "rules", "compare"] as const;
export type Stage = (typeof STAGES)[number];

export type FitSummary = { status?: string; params?: Record<string, number>; penalty?: number; reason?: string };
export type FitDiagnostics = {
  status?: string;
  reason?: string;
  penalty?: number;
  logLikelihood?: number;
  iterations?: number;
  converged?: boolean;
  customers?: number;
  distinctHistories?: number;
  frequencySpend?: { correlation: number; customers: number; warning: string | null };
  returners?: number;
};
export type ClusterDescription = { cluster: number; size: number; label: string; traits: { feature: string; z: number; word: string }[] };
export type Rule = { antecedent: string[]; consequent: string[]; count: number; support: number; confidence: number; lift: number };
export type Transitions = { previousRunId: string | null; counts: { from: string; to: string; customers: number }[]; downgrades: number };

/** What `model` holds, as src/segments/routes/views.ts writes it (the API types it loosely). */
export type RunModel = {
  timeUnit?: string;
  bgNbd?: FitSummary;
  gammaGamma?: FitSummary;
  clusters?: { k?: number; descriptions?: ClusterDescription[]; status?: string; reason?: string };
  rules?: { baskets: number; minSupport?: number; minConfidence?: number; rules: Rule[] };
};

export type RunDiagnostics = {
  bgNbd?: FitDiagnostics;
  gammaGamma?: FitDiagnostics;
  secondOrder?: FitDiagnostics;
  clusterCandidates?: { k: number; silhouette: number; inertia: number }[];
  transitions?: Transitions;
  thresholds?: Record<string, Record<string, number>>;
  timings?: Record<string, number>;
};

export const modelOf = (run: Run) => run.model as RunModel;
export const diagnosticsOf = (run: Run) => run.diagnostics as RunDiagnostics;

export const isActive = (run: Pick<Run, "status">) => run.status === "queued" || run.status === "running";

/**
 * How far a run has come, 0 to 1: whole stages behind it, plus the current stage's own share
 * (only scoring counts customers; the other stages are one step each).
 */
export function runFraction(run: Pick<Run, "status" | "progress">): number {
  if (run.status === "done") return 1;
  const index = STAGES.indexOf(run.progress.stage as Stage);
  if (index < 0) return 0;
  const within = run.progress.total > 0 ? Math.min(1, run.progress.done / run.progress.total) : 0;
  return (index + within) / STAGES.length;
}
