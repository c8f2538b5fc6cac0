/** What `npm audit --json` said, reduced to what CI acts on. */
export type AuditVerdict =
  | { kind: "unanswered"; reason: string }
  | { kind: "clean"; counts: Record<string, number> }
  | { kind: "vulnerable"; counts: Record<string, number>; packages: string[] };

const BLOCKING = new Set(["high", "critical"]);

/**
 * Reads the JSON report of `npm audit`. A report without a vulnerability summary (the registry
 * refused or could not be reached) is "unanswered"; one naming high or critical advisories is
 * "vulnerable"; anything else is "clean".
 */
export function auditVerdict(json: string): AuditVerdict {
  let report: { message?: string; error?: unknown; metadata?: { vulnerabilities?: Record<string, number> }; vulnerabilities?: Record<string, { severity: string }> };
  try {
    report = JSON.parse(json);
  } catch {
    return { kind: "unanswered", reason: "npm audit printed no JSON report" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) return { kind: "unanswered", reason: report.message || "the registry's audit endpoint gave no report" };
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, advisory]) => BLOCKING.has(advisory.severity))
    .map(([name, advisory]) => `${name} (${advisory.severity})`);
  return packages.length ? { kind: "vulnerable", counts, packages } : { kind: "clean", counts };
}
