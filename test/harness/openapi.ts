import type { OperationId } from "../../src/platform/permissions.ts";
import { workerFetch } from "./worker.ts";

/** One operation of the served OpenAPI document. */
export type Operation = { operationId: OperationId; method: string; path: string; successStatus: number; params: string[] };

/** Every operation the Worker documents, read from its own /openapi.json. */
export async function documentedOperations(): Promise<Operation[]> {
  const doc = await (await workerFetch("https://ckm.test/openapi.json")).json<{
    paths: Record<string, Record<string, { operationId: OperationId; responses: Record<string, unknown> }>>;
  }>();
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      operationId: operation.operationId,
      method,
      path,
      successStatus: Number(Object.keys(operation.responses).find((status) => status.startsWith("2"))),
      params: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
    })),
  );
}

/** The operation's path with its parameters filled in, and the query string if any. */
export function pathOf(operation: Operation, params: Record<string, string> = {}, query?: Record<string, string>): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.operationId} needs a value for {${name}}`);
    return encodeURIComponent(value);
  });
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}
