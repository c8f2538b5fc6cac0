import { buildDashboard } from "./build-dashboard.ts";
import { buildWidget } from "./build-widget.ts";

/** Builds what the Worker serves as static assets: the widget script and the dashboard. */
const widget = await buildWidget();
const dashboard = await buildDashboard();
console.log(`widget.js ${widget.gzipBytes} bytes gzipped; dashboard initial JavaScript ${dashboard.initialGzipBytes} bytes gzipped`);
