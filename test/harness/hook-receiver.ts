import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedHook = { headers: Record<string, string>; body: string };

/**
 * A webhook endpoint on localhost for the Worker under test to post to. POST to any path is
 * recorded and answered 204, except that a path under `/fail-first/` answers 500 the first
 * time; GET `/received/<path>` lists what that path received.
 */
export async function startHookReceiver(): Promise<{ url: string; close(): Promise<void> }> {
  const received = new Map<string, ReceivedHook[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const path = req.url ?? "/";
      if (req.method === "GET" && path.startsWith("/received/")) {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(received.get(path.slice("/received".length)) ?? []));
        return;
      }
      const list = received.get(path) ?? [];
      list.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)])), body: Buffer.concat(chunks).toString("utf8") });
      received.set(path, list);
      res.writeHead(path.startsWith("/fail-first/") && list.length === 1 ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
