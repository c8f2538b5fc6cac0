import { describe, expect, it } from "vitest";
import { sniffDelimiter } from "./sniff.ts";

describe("sniffDelimiter", () => {
  it("finds commas, semicolons and tabs", () => {
    expect(sniffDelimiter("InvoiceNo,StockCode,Description,Quantity")).toBe(",");
    expect(sniffDelimiter("Name;Email;Phone;Betrag")).toBe(";");
    expect(sniffDelimiter("姓名\t邮箱\t手机")).toBe("\t");
  });

  it("ignores delimiters inside quoted headers", () => {
    expect(sniffDelimiter('"Name; full";"Email, work";"Phone, mobile"')).toBe(";");
    expect(sniffDelimiter('"a;b;c","d;e;f",g')).toBe(",");
    expect(sniffDelimiter('"Notes\t(a, b, c)"\tTags\tCity')).toBe("\t");
    expect(sniffDelimiter('"He said ""a,b,c""";x;y')).toBe(";");
  });

  it("looks at the first line only", () => {
    expect(sniffDelimiter("a;b\n1,2,3,4,5\n")).toBe(";");
    expect(sniffDelimiter('"multi\nline;header";x,y,z\r\n')).toBe(",");
  });

  it("falls back to a comma on a tie or a single column", () => {
    expect(sniffDelimiter("a;b\tc")).toBe(",");
    expect(sniffDelimiter("email")).toBe(",");
    expect(sniffDelimiter("")).toBe(",");
  });
});
