import { describe, expect, it } from "vitest";
import { auditVerdict } from "./audit-verdict.ts";

const report = (vulnerabilities: Record<string, { severity: string }>, counts: Record<string, number>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });

describe("auditVerdict", () => {
  it("reads a registry that refuses audits as unanswered, with its message", () => {
    const refused = JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "" } });
    expect(auditVerdict(refused)).toEqual({ kind: "unanswered", reason: expect.stringContaining("405") });
    expect(auditVerdict("")).toMatchObject({ kind: "unanswered" });
  });

  it("passes low and moderate advisories, and fails on high or critical ones, naming the packages", () => {
    expect(auditVerdict(report({ a: { severity: "moderate" } }, { low: 0, moderate: 1, high: 0, critical: 0 }))).toMatchObject({ kind: "clean" });
    expect(auditVerdict(report({ a: { severity: "low" }, b: { severity: "critical" }, c: { severity: "high" } }, { low: 1, high: 1, critical: 1 }))).toEqual({
      kind: "vulnerable",
      counts: { low: 1, high: 1, critical: 1 },
      packages: ["b (critical)", "c (high)"],
    });
  });
});
