import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../harness/responses.ts";

const KEY = "pk_live_0123456789abcdefABCDEF";
const SURVEY = "3f1c2a4e-8b7d-4c6e-9f0a-1b2c3d4e5f60";

describe("the hosted survey link page", () => {
  it("runs the widget for the survey under a policy that allows only the Worker's own script", async () => {
    const res = await SELF.fetch(`https://ckm.test/s/${SURVEY}?key=${KEY}&lang=zh-CN`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const policy = res.headers.get("content-security-policy")!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const html = await res.text();
    expect(html).toContain(`<script src="/widget.js" data-key="${KEY}" data-show="${SURVEY}" data-position="center" data-headless async data-lang="zh-CN">`);
    expect(html).toContain('<html lang="zh-CN">');
  });

  it("refuses a malformed link with a problem document naming each part", async () => {
    const problem = await expectProblem(await SELF.fetch(`https://ckm.test/s/not-a-survey?key=sk_live_secret&lang=%22%3E%3Cscript%3E`), 400);
    expect(problem.issues.map((issue) => issue.path).sort()).toEqual(["key", "lang", "surveyId"]);
    await expectProblem(await SELF.fetch(`https://ckm.test/s/${SURVEY}`), 400);
  });
});
