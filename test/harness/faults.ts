import { inject } from "vitest";
import type { FaultRuleInput } from "../../scripts/db/faults.ts";

/** The database bridge's fault control (see scripts/db/faults.ts). */
const control = () => `http://${inject("dbProxy")}/faults`;

/** Arms a fault on the database bridge; resolves to its id. */
export async function armFault(rule: FaultRuleInput): Promise<number> {
  const res = await fetch(control(), { method: "POST", body: JSON.stringify(rule) });
  if (res.status !== 201) throw new Error(`the bridge refused the fault: ${await res.text()}`);
  return (await res.json<{ id: number }>()).id;
}

/** How many sessions the fault with this id has hit so far. */
export async function faultHits(id: number): Promise<number> {
  const rules = await (await fetch(control())).json<Array<{ id: number; hits: number }>>();
  return rules.find((rule) => rule.id === id)?.hits ?? 0;
}

export async function disarmFaults(): Promise<void> {
  await (await fetch(control(), { method: "DELETE" })).body?.cancel();
}
