import { describe, expect, it } from "vitest";
import { addMember, signUp } from "../harness/accounts.ts";
import { call } from "../harness/api.ts";
import { upload } from "../harness/imports.ts";
import { expectJson, expectProblem, getJson } from "../harness/responses.ts";

type Import = { id: string; status: string; fileName: string | null; sizeBytes: number; bytesDone: number | null; progress: { rowsDone: number } };
type Page = { items: Import[]; nextCursor: string | null };

describe("listing imports", () => {
  it("pages through the tenant's own imports, newest first", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    const ids: string[] = [];
    for (const name of ["first.csv", "second.csv", "third.csv"]) ids.push(await upload(owner, "Email,Name\nada@example.com,Ada\n", `?fileName=${name}`));
    const other = await signUp("Other Shop");
    await upload(other, "Email\nbo@example.com\n");

    const first = await getJson<Page>("/v1/imports?limit=2", { token });
    expect(first.items.map((item) => item.fileName)).toEqual(["third.csv", "second.csv"]);
    expect(first.items[0]).toMatchObject({ id: ids[2], status: "uploaded", bytesDone: null, progress: { rowsDone: 0 } });
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await getJson<Page>(`/v1/imports?limit=2&cursor=${first.nextCursor}`, { token });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0], fileName: "first.csv" })], nextCursor: null });
  });

  it("shows how far into the file the work has gone, in bytes", async () => {
    const owner = await signUp();
    const token = owner.tokens.accessToken;
    const id = await upload(owner, "Email,Name\nada@example.com,Ada\nbo@example.com,Bo\n");
    await expectJson(await call("POST", `/v1/imports/${id}/validate`, { token }), 202);
    let current = await getJson<Import>(`/v1/imports/${id}`, { token });
    for (let attempt = 0; current.status === "validating" && attempt < 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await getJson<Import>(`/v1/imports/${id}`, { token });
    }
    expect(current).toMatchObject({ status: "validated", bytesDone: current.sizeBytes });
    const [listed] = (await getJson<Page>("/v1/imports", { token })).items;
    expect(listed).toMatchObject({ id, status: "validated", bytesDone: current.sizeBytes });
  });

  it("is for owners and admins, and refuses a cursor it did not issue", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    await expectProblem(await call("GET", "/v1/imports", { token: analyst.tokens.accessToken }), 403);
    const admin = await addMember(owner, "admin");
    await getJson<Page>("/v1/imports", { token: admin.tokens.accessToken });
    await expectProblem(await call("GET", "/v1/imports?cursor=nonsense", { token: owner.tokens.accessToken }), 400, "query.cursor");
  });
});
