import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/i18n.tsx";
import { Button } from "../ui/button.tsx";
import { Card } from "../ui/page.tsx";
import { download, toCsv } from "./csv.ts";
import type { EChartsOption } from "./echarts.ts";

type EChartsModule = typeof import("./echarts.ts");
let loading: Promise<EChartsModule> | null = null;
const loadECharts = () => (loading ??= import("./echarts.ts"));

type Props = {
  title: string;
  /** What the chart shows, for screen readers (the chart itself is a canvas). */
  description: string;
  option: EChartsOption;
  /** The chart's data as a table: header row first. Exported as CSV and shown to screen readers. */
  table: (string | number | null)[][];
  fileName: string;
  height?: number;
  onItemClick?: (params: { dataIndex: number; seriesIndex?: number; name?: string; value?: unknown }) => void;
};

/**
 * A chart card: ECharts on a canvas, loaded on demand, with its data as CSV and the picture as
 * PNG. The data also stands in a visually hidden table, so the chart is not lost on anyone.
 * ECharts empties the element it draws in, so that element holds no React children; the hidden
 * table sits in a hidden box, since a table grows to fit its rows whatever size it is given.
 */
export function Chart({ title, description, option, table, fileName, height = 320, onItemClick }: Props) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<EChartsModule["echarts"]["init"]> | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void loadECharts().then(({ echarts }) => {
      if (disposed || !host.current) return;
      chart.current = echarts.init(host.current, undefined, { renderer: "canvas" });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(host.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    chart.current.setOption({ aria: { enabled: true, label: { description } }, animationDuration: 300, ...option }, true);
    chart.current.off("click");
    if (onItemClick) chart.current.on("click", (params) => onItemClick(params as never));
  }, [ready, option, description, onItemClick]);

  const empty = table.length <= 1;
  return (
    <Card
      title={title}
      className="chart-card"
      actions={
        <div className="chart-actions">
          <Button variant="ghost" disabled={!ready || empty} onClick={() => chart.current && download(chart.current.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" }), `${fileName}.png`)}>
            {t("common.chart.exportPng")}
          </Button>
          <Button variant="ghost" disabled={empty} onClick={() => download(new Blob([toCsv(table)], { type: "text/csv;charset=utf-8" }), `${fileName}.csv`)}>
            {t("common.chart.exportCsv")}
          </Button>
        </div>
      }
    >
      {!ready && <p className="muted chart-placeholder">{t("common.chart.loading")}</p>}
      <div className="chart-host" ref={host} style={{ height }} role="img" aria-label={`${title}. ${description}`} data-chart={fileName} data-ready={ready && !empty ? "true" : "false"} />
      {empty && <p className="muted chart-empty">{t("common.chart.noData")}</p>}
      {!empty && (
        <div className="visually-hidden">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>{table[0]!.map((cell, index) => <th key={index} scope="col">{cell}</th>)}</tr>
            </thead>
            <tbody>
              {table.slice(1, 201).map((row, rowIndex) => (
                <tr key={rowIndex}>{row.map((cell, index) => <td key={index}>{cell}</td>)}</tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
