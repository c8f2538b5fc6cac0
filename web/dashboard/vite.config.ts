import { defineConfig } from "vite";

/**
 * The dashboard builds into the Worker's static assets (web/public), beside widget.js; the Worker
 * answers deep links with index.html. `npm run dev:dashboard` serves it with the API proxied to
 * `npm start`'s Worker.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir: "../public",
    emptyOutDir: false,
    assetsDir: "assets",
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      onwarn(warning, warn) {
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(["/v1", "/widget.js", "/health", "/s/"].map((path) => [path, `http://127.0.0.1:${process.env.PORT ?? 8787}`])),
  },
});
