import { describe, expect, it } from "vitest";
import { checkMapping, normalizeHeader, suggestMapping } from "./column-mapping.ts";

describe("suggestMapping", () => {
  it("maps a Shopify customer export", () => {
    const headers = [
      "First Name", "Last Name", "Email", "Accepts Email Marketing", "Company", "Address1", "Address2", "City",
      "Province", "Province Code", "Country", "Country Code", "Zip", "Phone", "Accepts SMS Marketing",
      "Total Spent", "Tags",
    ];
    const { mapping, unmapped } = suggestMapping(headers);
    expect(mapping).toMatchObject({
      "First Name": "firstName", "Last Name": "lastName", Email: "email", "Accepts Email Marketing": "emailConsent",
      Company: "company", Address1: "addressLine1", Address2: "addressLine2", City: "city", Province: "region",
      Country: "country", Zip: "postalCode", Phone: "phone", "Accepts SMS Marketing": "smsConsent", Tags: "tags",
    });
    // The code columns repeat a field already filled, so they are left for the user to decide.
    expect(unmapped).toEqual(["Province Code", "Country Code", "Total Spent"]);
  });

  it("maps the UCI Online Retail columns and WooCommerce billing fields", () => {
    const uci = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"];
    expect(suggestMapping(uci).mapping).toEqual({
      InvoiceNo: "orderId", StockCode: "sku", Description: "title", Quantity: "quantity", InvoiceDate: "orderedAt",
      UnitPrice: "unitPrice", CustomerID: "externalId", Country: "country",
    });
    const woo = ["billing_first_name", "billing_last_name", "billing_email", "billing_phone", "billing_postcode", "billing_state"];
    expect(Object.values(suggestMapping(woo).mapping)).toEqual(["firstName", "lastName", "email", "phone", "postalCode", "region"]);
  });

  it("maps Chinese headers, including full-width and BOM-prefixed ones", () => {
    const headers = ["\uFEFF姓名", "手机号", "邮箱", "公司", "职位", "省份", "城市", "邮编", "生日", "性别", "标签", "订单号", "下单时间", "商品编号", "商品名称", "数量", "单价", "币种"];
    expect(Object.values(suggestMapping(headers).mapping)).toEqual([
      "name", "phone", "email", "company", "jobTitle", "region", "city", "postalCode", "birthday", "gender", "tags",
      "orderId", "orderedAt", "sku", "title", "quantity", "unitPrice", "currency",
    ]);
    expect(suggestMapping(["Ｅ－ｍａｉｌ", " Phone Number ", "first.name"]).mapping).toEqual({
      "Ｅ－ｍａｉｌ": "email", " Phone Number ": "phone", "first.name": "firstName",
    });
  });

  it("maps custom attributes by key or label after the built-in fields", () => {
    const attributes = [{ key: "loyalty_tier", label: "会员等级" }, { key: "email", label: "Email (attribute)" }];
    const { mapping, unmapped } = suggestMapping(["Loyalty Tier", "会员等级", "Email", "Favourite colour"], attributes);
    expect(mapping).toEqual({ "Loyalty Tier": "attributes.loyalty_tier", "会员等级": null, Email: "email", "Favourite colour": null });
    expect(unmapped).toEqual(["会员等级", "Favourite colour"]);
  });

  it("fills each field from the first column that names it", () => {
    const { mapping, unmapped } = suggestMapping(["Email", "E-mail", "email"]);
    expect(mapping).toEqual({ Email: "email", "E-mail": null, email: null });
    expect(unmapped).toEqual(["E-mail", "email"]);
  });

  it("keeps a header named __proto__ as an ordinary key", () => {
    const { mapping } = suggestMapping(["__proto__", "Email"]);
    expect(Object.keys(mapping)).toEqual(["__proto__", "Email"]);
    expect(Object.getPrototypeOf(mapping)).toBe(Object.prototype);
  });

  it("normalises case, width, spacing and punctuation", () => {
    expect(normalizeHeader("\uFEFFAccepts_SMS-Marketing.")).toBe("acceptssmsmarketing");
    expect(normalizeHeader("账期（天）")).toBe("账期(天)");
  });
});

describe("checkMapping", () => {
  const headers = ["Email", "Phone", "Mobile", "Tier"];

  it("accepts a mapping to fields, attributes and null", () => {
    expect(checkMapping(headers, { Email: "email", Phone: "phone", Mobile: null, Tier: "attributes.tier" }, ["tier"])).toEqual([]);
  });

  it("names unknown headers, fields and attributes", () => {
    expect(checkMapping(headers, { Emial: "email", Phone: "telephone", Tier: "attributes.level" }, ["tier"])).toEqual([
      { path: "mapping.Emial", message: '"Emial" is not a column of the file' },
      { path: "mapping.Phone", message: '"telephone" is not an import field' },
      { path: "mapping.Tier", message: '"level" is not a custom attribute' },
    ]);
  });

  it("rejects a target filled from two columns", () => {
    expect(checkMapping(headers, { Phone: "phone", Mobile: "phone", Email: "attributes.tier", Tier: "attributes.tier" }, ["tier"])).toEqual([
      { path: "mapping.Mobile", message: '"phone" is already filled from column "Phone"' },
      { path: "mapping.Tier", message: '"attributes.tier" is already filled from column "Email"' },
    ]);
  });

  it("rejects a target that is not a string", () => {
    const mapping = JSON.parse('{"Email": 3}') as Record<string, string | null>;
    expect(checkMapping(headers, mapping, [])).toEqual([{ path: "mapping.Email", message: "must be a field key, attributes.<key>, or null" }]);
  });
});
