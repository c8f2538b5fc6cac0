import { createServer, type Server } from "node:http";

export type Page = { origin: string; close(): Promise<void> };

/** Serves one HTML page on its own origin, as a tenant's shop would. */
export async function servePage(port: number, html: () => string): Promise<Page> {
  const server: Server = createServer((request, response) => {
    response.writeHead(request.url === "/" || request.url?.startsWith("/?") ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
    response.end(request.url === "/" || request.url?.startsWith("/?") ? html() : "not found");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Styles a careless or hostile host page might have; none of it may reach the widget. */
export const HOSTILE_CSS = `
* { all: unset !important; font-size: 3px !important; color: #f0f !important; }
div, form, button, input, label, fieldset { display: none !important; visibility: hidden !important; }
body * { opacity: 0.1 !important; transform: rotate(180deg) !important; }
`;
