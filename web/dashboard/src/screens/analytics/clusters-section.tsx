import { useMemo } from "react";
import { Chart } from "../../charts/chart.tsx";
import { useFormat, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Card } from "../../ui/page.tsx";
import { clusterLabel, featureLabel, traitWord } from "./labels.ts";
import { principalComponents } from "./pca.ts";
import { modelOf, type ClusterDescription, type Run, type Score } from "./run-model.ts";
import { clusterFeatures } from "./stats.ts";
import { WithScores } from "./with-scores.tsx";

const PALETTE = ["#1f5fb8", "#c2410c", "#2e7d4f", "#7c3aed", "#b91c1c", "#0e7490", "#a16207", "#be185d"];
const FEATURES = ["recency", "frequency", "monetary", "order value"];

/** Customers on the first two principal components of their (log, standardised) features, one colour per cluster. */
function ClusterScatter({ scores, descriptions }: { scores: Score[]; descriptions: ClusterDescription[] }) {
  const t = useT();
  const f = useFormat();
  const chart = useMemo(() => {
    const clustered = scores.filter((score) => score.cluster !== null);
    const projection = principalComponents(clustered.map(clusterFeatures));
    const name = (cluster: number) => {
      const description = descriptions.find((d) => d.cluster === cluster);
      return t("analytics.clusters.name", { n: cluster + 1, label: description ? clusterLabel(t, description) : "" });
    };
    const clusters = [...new Set(clustered.map((score) => score.cluster!))].sort((a, b) => a - b);
    const axis = (i: 0 | 1) => t("analytics.clusters.axis", { n: i + 1, share: f.percent(projection.explained[i]) });
    return {
      explained: projection,
      option: {
        tooltip: { trigger: "item", formatter: (p: { seriesName: string }) => p.seriesName },
        legend: { bottom: 0, type: "scroll" },
        grid: { left: 60, right: 20, top: 20, bottom: 70 },
        xAxis: { type: "value", name: axis(0), nameLocation: "middle", nameGap: 28, scale: true },
        yAxis: { type: "value", name: axis(1), nameLocation: "middle", nameGap: 36, scale: true },
        series: clusters.map((cluster) => ({
          type: "scatter",
          name: name(cluster),
          symbolSize: 6,
          large: clustered.length > 5_000,
          itemStyle: { color: PALETTE[cluster % PALETTE.length], opacity: 0.7 },
          data: clustered.flatMap((score, i) => (score.cluster === cluster ? [projection.points[i]!.map((v) => Math.round(v * 1000) / 1000)] : [])),
        })),
      },
      table: [
        [t("analytics.clusters.customerId"), t("analytics.clusters.cluster"), axis(0), axis(1)],
        ...clustered.map((score, i) => [score.customerId, score.cluster! + 1, Math.round(projection.points[i]![0] * 1000) / 1000, Math.round(projection.points[i]![1] * 1000) / 1000]),
      ],
    };
  }, [scores, descriptions, t, f]);
  const [first, second] = chart.explained.loadings;
  const loadings = (weights: number[]) => weights.map((w, j) => `${featureLabel(t, FEATURES[j]!)} ${w >= 0 ? "+" : "−"}${f.number(Math.abs(w))}`).join(", ");
  return (
    <>
      <Chart title={t("analytics.clusters.title")} description={t("analytics.clusters.description")} option={chart.option} table={chart.table} fileName="clusters-pca" height={460} />
      <p className="muted small">{t("analytics.clusters.loadings", { first: loadings(first), second: loadings(second) })}</p>
    </>
  );
}

function Descriptions({ descriptions, scores }: { descriptions: ClusterDescription[]; scores: Score[] }) {
  const t = useT();
  const f = useFormat();
  const counted = scores.filter((score) => score.cluster !== null).length || 1;
  return (
    <div className="grid analytics-grid">
      {descriptions.map((description) => {
        const size = scores.filter((score) => score.cluster === description.cluster).length;
        return (
          <Card key={description.cluster} title={t("analytics.clusters.name", { n: description.cluster + 1, label: clusterLabel(t, description) })} className="cluster-card">
            <p className="muted small">
              <span className="cluster-swatch" style={{ background: PALETTE[description.cluster % PALETTE.length] }} aria-hidden="true" />
              {t("analytics.clusters.size", { n: f.integer(size), share: f.percent(size / counted) })}
            </p>
            {description.traits.length === 0 ? (
              <p>{t("analytics.clusters.typical")}</p>
            ) : (
              <ul className="trait-list">
                {description.traits.map((trait) => (
                  <li key={trait.feature}>
                    {t("analytics.clusters.trait", { word: traitWord(t, trait.word), feature: featureLabel(t, trait.feature), z: f.number(trait.z) })}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** Clusters: the scatter of customers on two components, and each cluster described in words. */
export function ClustersSection({ run }: { run: Run }) {
  const t = useT();
  const clusters = modelOf(run).clusters;
  if (!clusters?.descriptions)
    return (
      <Alert tone="info" title={t("analytics.clusters.noneTitle")}>
        <p>{clusters?.reason ? t("analytics.notEnough", { reason: clusters.reason }) : t("analytics.clusters.none")}</p>
      </Alert>
    );
  const descriptions = clusters.descriptions;
  return (
    <WithScores run={run}>
      {(sample) => (
        <>
          <ClusterScatter scores={sample.items} descriptions={descriptions} />
          <Descriptions descriptions={descriptions} scores={sample.items} />
        </>
      )}
    </WithScores>
  );
}
