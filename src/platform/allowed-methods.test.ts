import { describe, expect, it } from "vitest";
import { allowedMethods } from "./allowed-methods.ts";

const routes = [
  { method: "ALL", path: "*" },
  { method: "GET", path: "/v1/customers" },
  { method: "POST", path: "/v1/customers" },
  { method: "GET", path: "/v1/customers/:id" },
  { method: "PATCH", path: "/v1/customers/:id" },
];

describe("allowedMethods", () => {
  it("lists the methods registered for a path, with HEAD beside GET", () => {
    expect(allowedMethods(routes, "/v1/customers")).toEqual(["GET", "HEAD", "POST"]);
    expect(allowedMethods(routes, "/v1/customers/cus_1")).toEqual(["GET", "HEAD", "PATCH"]);
  });

  it("ignores middleware and finds nothing for an unknown path", () => {
    expect(allowedMethods(routes, "/v1/orders")).toEqual([]);
    expect(allowedMethods(routes, "/v1/customers/cus_1/orders")).toEqual([]);
  });
});
