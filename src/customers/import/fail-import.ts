import { and, eq, inArray } from "drizzle-orm";
import { imports } from "../../db/schema/index.ts";
import type { Database } from "../../platform/db.ts";
import { withTenant } from "../../platform/with-tenant.ts";

/**
 * Marks an import whose job failed every retry as failed, so the tenant sees it stopped instead
 * of an import forever "running". Rows an apply run committed before stay; its results say how many.
 */
export async function failImport(db: Database, tenantId: string, importId: string, mode: "validate" | "apply"): Promise<void> {
  const error =
    mode === "validate"
      ? "Checking the file failed after every retry; upload it again."
      : "The import stopped after every retry failed; rows committed before it stopped are kept (see results), and uploading the file again completes it without doubling them.";
  await withTenant(db, tenantId, (tx) =>
    tx.update(imports).set({ status: "failed", error }).where(and(eq(imports.id, importId), inArray(imports.status, ["validating", "running"]))),
  );
}
