import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast.ts";

describe("contrastRatio", () => {
  it("gives 21 for black on white and 1 for a colour on itself", () => {
    expect(contrastRatio("#000000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#1a73e8", "#1a73e8")).toBeCloseTo(1, 5);
  });
  it("matches WCAG's published example: #767676 on white is just above 4.5", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });
});
