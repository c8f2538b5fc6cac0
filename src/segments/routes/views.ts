import { z } from "@hono/zod-openapi";
import { Timestamp } from "../../tenancy/routes/schemas.ts";
import type { RunRow } from "../runs.ts";
import type { ScoreRow } from "../scores.ts";
import type { OtherCurrency } from "../stages/rfm.ts";

export const Run = z
  .object({
    id: z.uuid(),
    status: z.enum(["queued", "running", "done", "failed"]),
    stage: z.string(),
    trigger: z.string(),
    asOf: Timestamp,
    progress: z.object({ stage: z.string(), done: z.number(), total: z.number() }),
    customers: z.number().int(),
    model: z.record(z.string(), z.unknown()).openapi({ description: "Fitted parameters with their time unit (BG/NBD, Gamma-Gamma), clusters with descriptions, and product rules." }),
    diagnostics: z
      .object({
        otherCurrencies: z
          .array(z.object({ currency: z.string(), orders: z.number().int() }))
          .optional()
          .openapi({ description: "Orders up to the as-of date left out because their currency is not the tenant's, per currency; empty when none were." }),
      })
      .catchall(z.unknown())
      .openapi({ description: "Convergence, iterations, log-likelihoods, data thresholds, the transition matrix from the previous run, and orders left out for their currency." }),
    error: z.string().nullable(),
    createdAt: Timestamp,
    startedAt: Timestamp.nullable(),
    finishedAt: Timestamp.nullable(),
  })
  .openapi("SegmentationRun");

export const Score = z
  .object({
    runId: z.uuid(),
    customerId: z.uuid(),
    orders: z.number().int(),
    recencyDays: z.number().int(),
    monetaryMinor: z.number().int(),
    r: z.number().int(),
    f: z.number().int(),
    m: z.number().int(),
    segment: z.string(),
    pAlive: z.number().nullable(),
    expectedPurchases: z.object({ days30: z.number().nullable(), days90: z.number().nullable(), days365: z.number().nullable() }),
    nextOrderAt: Timestamp.nullable(),
    clvMinor: z.number().int().nullable(),
    churnRisk: z.number().nullable(),
    cluster: z.number().int().nullable(),
    loyalty: z.string().nullable(),
    tags: z.array(z.object({ tag: z.string(), weight: z.number() })),
  })
  .openapi("CustomerScore");

type Fit = { status?: string; params?: unknown; reason?: string; penalty?: number; logLikelihood?: number; iterations?: number; converged?: boolean; customers?: number; distinctHistories?: number; frequencySpend?: unknown; returners?: number };

function fitSummary(fit: Fit | undefined) {
  if (!fit) return undefined;
  return fit.status === "ok" ? { status: "ok", params: fit.params, penalty: fit.penalty ?? 0 } : { status: fit.status, reason: fit.reason };
}

function fitDiagnostics(fit: Fit | undefined) {
  if (!fit) return undefined;
  const { status, reason, penalty, logLikelihood, iterations, converged, customers, distinctHistories, frequencySpend, returners } = fit;
  return { status, reason, penalty, logLikelihood, iterations, converged, customers, distinctHistories, frequencySpend, returners };
}

/** A run as the API shows it: parameters in `model`, checks in `diagnostics`, never the raw curve arrays. */
export function runView(run: RunRow): z.infer<typeof Run> {
  const model = run.model as { timeUnit?: string; bgNbd?: Fit; gammaGamma?: Fit; secondOrder?: Fit; clustering?: { status: string; k?: number; descriptions?: unknown; candidates?: unknown; reason?: string }; rules?: { baskets: number; rules: unknown[] } };
  return {
    id: run.id,
    status: run.status,
    stage: run.stage,
    trigger: run.trigger,
    asOf: run.asOf.toISOString(),
    progress: run.progress,
    customers: run.customers,
    model: {
      timeUnit: model.timeUnit,
      bgNbd: fitSummary(model.bgNbd),
      gammaGamma: fitSummary(model.gammaGamma),
      clusters: model.clustering?.status === "ok" ? { k: model.clustering.k, descriptions: model.clustering.descriptions } : model.clustering && { status: model.clustering.status, reason: model.clustering.reason },
      rules: model.rules,
    },
    diagnostics: {
      ...run.diagnostics,
      otherCurrencies: run.diagnostics.otherCurrencies as OtherCurrency[] | undefined,
      bgNbd: fitDiagnostics(model.bgNbd),
      gammaGamma: fitDiagnostics(model.gammaGamma),
      secondOrder: fitDiagnostics(model.secondOrder),
      clusterCandidates: model.clustering?.status === "ok" ? model.clustering.candidates : undefined,
    },
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function scoreView(row: ScoreRow): z.infer<typeof Score> {
  return {
    runId: row.runId,
    customerId: row.customerId,
    orders: row.orders,
    recencyDays: row.recencyDays,
    monetaryMinor: row.monetaryMinor,
    r: row.r,
    f: row.f,
    m: row.m,
    segment: row.segment,
    pAlive: row.pAlive,
    expectedPurchases: { days30: row.expected30, days90: row.expected90, days365: row.expected365 },
    nextOrderAt: row.nextOrderAt?.toISOString() ?? null,
    clvMinor: row.clvMinor,
    churnRisk: row.churnRisk,
    cluster: row.cluster,
    loyalty: row.loyalty,
    tags: row.tags ?? [],
  };
}
