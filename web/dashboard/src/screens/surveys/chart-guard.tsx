import { useEffect, useRef, type ReactNode } from "react";

/**
 * Keeps <Chart>'s loading placeholder where React left it. ECharts empties its host element when
 * it starts (zrender sets innerHTML to ""), taking the placeholder React rendered inside, and
 * React's removal of it then throws and unmounts the whole screen. Putting the detached
 * placeholder back lets React remove it as planned. Not needed once the placeholder sits beside
 * the chart's host in src/charts/chart.tsx.
 */
export function ChartGuard({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    // ECharts takes each placeholder once, when it starts; React's own removal comes after and stays.
    const restored = new WeakSet<Node>();
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (!(record.target instanceof HTMLElement) || !record.target.classList.contains("chart-host")) continue;
        for (const node of record.removedNodes) {
          if (!(node instanceof HTMLElement) || !node.classList.contains("chart-placeholder") || node.isConnected || restored.has(node)) continue;
          restored.add(node);
          record.target.appendChild(node);
        }
      }
    });
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return <div ref={ref}>{children}</div>;
}
