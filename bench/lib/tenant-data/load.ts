import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { generateCustomers, type GeneratedCustomer } from "./generate.ts";

export type LoadedTenant = { customers: number; orders: number; lines: number; seconds: number };

/** A CSV field for COPY: empty and unquoted is NULL; anything with a quote, comma, newline or edge space is quoted. */
function field(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return text === "" || /[",\n\r]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
const row = (values: Array<string | number | null>) => `${values.map(field).join(",")}\n`;

/** One `\copy ... from pstdin` into `table`, as the server's superuser with triggers (foreign-key checks) off. */
function copyInto(serverUrl: string, table: string, columns: string[]): ChildProcess {
  return spawn("psql", [serverUrl, "-qX", "-v", "ON_ERROR_STOP=1", "-c", "SET session_replication_role = replica", "-c", `\\copy ${table} (${columns.join(", ")}) FROM pstdin WITH (FORMAT csv)`], {
    stdio: ["pipe", "inherit", "inherit"],
  });
}

async function finished(child: ChildProcess): Promise<void> {
  child.stdin?.end();
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`psql exited with ${code}`);
}

/**
 * Loads a generated tenant (see generate.ts) into an existing tenant's rows with COPY: customers,
 * orders and order lines stream at once into three psql processes, in chunks, with backpressure,
 * so memory stays flat whatever the size. Every row is consistent by construction, which is why
 * the foreign-key triggers may be off while the three streams run. Ends with ANALYZE.
 */
export async function loadTenant(serverUrl: string, tenantId: string, customers: number, seed?: number): Promise<LoadedTenant> {
  const started = performance.now();
  const targets = {
    customers: copyInto(serverUrl, "customers", ["tenant_id", "id", "display_name", "email", "phone", "country", "source", "created_at", "updated_at"]),
    orders: copyInto(serverUrl, "orders", ["tenant_id", "id", "customer_id", "source", "external_id", "status", "currency", "total_minor", "ordered_at"]),
    lines: copyInto(serverUrl, "order_lines", ["tenant_id", "order_id", "line_no", "sku", "title", "quantity", "unit_price_minor"]),
  };
  const buffers = { customers: "", orders: "", lines: "" };
  const counts = { customers: 0, orders: 0, lines: 0 };
  const flush = async (force: boolean) => {
    for (const name of ["customers", "orders", "lines"] as const) {
      if (!buffers[name] || (!force && buffers[name].length < 1 << 20)) continue;
      const ok = targets[name].stdin!.write(buffers[name]);
      buffers[name] = "";
      if (!ok) await once(targets[name].stdin!, "drain");
    }
  };
  const add = (customer: GeneratedCustomer) => {
    const created = customer.createdAt.toISOString();
    buffers.customers += row([tenantId, customer.id, customer.name, customer.email, customer.phone, customer.country, "bench", created, created]);
    counts.customers++;
    for (const order of customer.orders) {
      buffers.orders += row([tenantId, order.id, customer.id, "bench", order.id, "paid", "GBP", order.totalMinor, order.orderedAt.toISOString()]);
      counts.orders++;
      order.lines.forEach((line, index) => {
        buffers.lines += row([tenantId, order.id, index + 1, line.sku, line.title, line.quantity, line.unitPriceMinor]);
        counts.lines++;
      });
    }
  };
  for (const customer of generateCustomers(customers, seed)) {
    add(customer);
    if (counts.customers % 2000 === 0) await flush(false);
  }
  await flush(true);
  await Promise.all(Object.values(targets).map(finished));
  const analyze = spawn("psql", [serverUrl, "-qX", "-c", "ANALYZE customers; ANALYZE orders; ANALYZE order_lines"], { stdio: "inherit" });
  await finished(analyze);
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}
