import { describe, expect, it } from "vitest";
import { csvRow } from "./csv-write.ts";

describe("csvRow", () => {
  it("quotes only what needs quoting and doubles quotes", () => {
    expect(csvRow(["plain", 'say "hi"', "a,b", "line\nbreak", null, 42, true])).toBe(
      'plain,"say ""hi""","a,b","line\nbreak",,42,true\r\n',
    );
  });

  it("defuses spreadsheet formulas but keeps phone numbers and negatives", () => {
    expect(csvRow(["=HYPERLINK(\"x\")", "@SUM(A1)", "+cmd", "+442079460958", "-12.5", "-x"])).toBe(
      `"'=HYPERLINK(""x"")",'@SUM(A1),'+cmd,+442079460958,-12.5,'-x\r\n`,
    );
  });

  it("keeps Chinese text as it is", () => {
    expect(csvRow(["张三", "北京市朝阳区"])).toBe("张三,北京市朝阳区\r\n");
  });
});
