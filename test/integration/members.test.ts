import { describe, expect, it } from "vitest";
import type { Role } from "../../src/platform/roles.ts";
import { addMember, PASSWORD, signUp, type Account, type Tokens } from "../harness/accounts.ts";
import { call, clientAddress, uniqueEmail } from "../harness/api.ts";
import { expectInvalidCredential, expectJson, expectProblem, getJson } from "../harness/responses.ts";

type Member = { id: string; email: string; name: string; role: Role };
type Invite = { id: string; email: string; role: Role; status: string };
type Accepted = { tenantId: string; userId: string; tokens: Tokens };

async function invite(by: Account, email: string, role: Role): Promise<{ invite: Invite; token: string }> {
  return expectJson(await call("POST", "/v1/invites", { token: by.tokens.accessToken, body: { email, role } }), 201);
}

function accept(token: string): Promise<Response> {
  return call("POST", "/v1/invites/accept", { body: { token, name: "Ivy Invitee", password: PASSWORD }, headers: clientAddress() });
}

async function members(as: Account): Promise<Member[]> {
  return (await getJson<{ items: Member[] }>("/v1/members", { token: as.tokens.accessToken })).items;
}

function setRole(as: Account, memberId: string, role: unknown): Promise<Response> {
  return call("PATCH", `/v1/members/${memberId}`, { token: as.tokens.accessToken, body: { role } });
}

function remove(as: Account, memberId: string): Promise<Response> {
  return call("DELETE", `/v1/members/${memberId}`, { token: as.tokens.accessToken });
}

describe("inviting a member", () => {
  it("makes the invitee a member with the invited role, logged in and able to see themselves", async () => {
    const owner = await signUp();
    const email = uniqueEmail("invitee");
    const created = await invite(owner, email, "analyst");
    expect(created.invite).toMatchObject({ email, role: "analyst", status: "pending" });

    const accepted = await expectJson<Accepted>(await accept(created.token), 201);
    expect(accepted.tenantId).toBe(owner.tenantId);
    expect(await members(owner)).toContainEqual(expect.objectContaining({ id: accepted.userId, email, role: "analyst", lastLoginAt: expect.any(String) }));

    const me = await getJson<{ user: Member; tenant: { id: string } }>("/v1/me", { token: accepted.tokens.accessToken });
    expect(me.user).toMatchObject({ id: accepted.userId, email, role: "analyst", name: "Ivy Invitee" });
    expect(me.tenant.id).toBe(owner.tenantId);
  });

  it("accepts an invitation token only once", async () => {
    const owner = await signUp();
    const { token } = await invite(owner, uniqueEmail(), "viewer");
    await expectJson(await accept(token), 201);
    expect((await expectProblem(await accept(token), 404)).code).toBe("NOT_FOUND");
  });

  it("refuses a revoked invitation", async () => {
    const owner = await signUp();
    const created = await invite(owner, uniqueEmail(), "viewer");
    const revoked = await expectJson<Invite>(await call("DELETE", `/v1/invites/${created.invite.id}`, { token: owner.tokens.accessToken }));
    expect(revoked.status).toBe("revoked");
    await expectProblem(await accept(created.token), 404);
  });

  it("refuses an email that already has an account, here or in another tenant", async () => {
    const owner = await signUp();
    const stranger = await signUp("Other Company");
    for (const email of [owner.email, stranger.email]) {
      const res = await call("POST", "/v1/invites", { token: owner.tokens.accessToken, body: { email, role: "viewer" } });
      expect((await expectProblem(res, 409, "json.email")).code).toBe("CONFLICT");
    }
  });

  it("replaces the pending invitation when the same email is invited again", async () => {
    const owner = await signUp();
    const email = uniqueEmail();
    const first = await invite(owner, email, "viewer");
    const second = await invite(owner, email, "analyst");

    const listed = await getJson<{ items: Invite[] }>("/v1/invites", { token: owner.tokens.accessToken });
    const statusOf = (id: string) => listed.items.find((item) => item.id === id)?.status;
    expect([statusOf(first.invite.id), statusOf(second.invite.id)]).toEqual(["revoked", "pending"]);

    await expectProblem(await accept(first.token), 404);
    const accepted = await expectJson<Accepted>(await accept(second.token), 201);
    expect((await members(owner)).find((member) => member.id === accepted.userId)?.role).toBe("analyst");
  });
});

describe("the owner role", () => {
  it("can be granted by an owner but not by an admin", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const viewer = await addMember(owner, "viewer");

    const adminInvite = call("POST", "/v1/invites", { token: admin.tokens.accessToken, body: { email: uniqueEmail(), role: "owner" } });
    expect((await expectProblem(await adminInvite, 403)).code).toBe("FORBIDDEN");
    await expectProblem(await setRole(admin, viewer.userId, "owner"), 403);
    expect((await members(owner)).find((member) => member.id === viewer.userId)?.role).toBe("viewer");

    expect((await invite(owner, uniqueEmail(), "owner")).invite.role).toBe("owner");
    expect((await expectJson<Member>(await setRole(owner, viewer.userId, "owner"))).role).toBe("owner");
  });

  it("cannot leave the tenant: the last owner is neither demoted nor removed", async () => {
    const owner = await signUp();
    expect((await expectProblem(await setRole(owner, owner.userId, "admin"), 409)).code).toBe("CONFLICT");
    await expectProblem(await remove(owner, owner.userId), 409);
    expect((await members(owner))[0]).toMatchObject({ id: owner.userId, role: "owner" });
  });

  it("can be given up once another owner exists", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    expect((await expectJson<Member>(await setRole(owner, owner.userId, "admin"))).role).toBe("admin");
    await expectProblem(await setRole(second, second.userId, "admin"), 409);

    await expectJson(await setRole(second, owner.userId, "owner"));
    expect((await remove(second, owner.userId)).status).toBe(204);
    expect((await members(second)).map((member) => member.id)).toEqual([second.userId]);
  });

  // PRODUCT BUG (fails against a PostgreSQL server, i.e. with DATABASE_URL; the embedded database
  // runs one session at a time, so there it passes): the "another owner?" count takes no lock,
  // so two owners stepping down at once both see the other and both succeed.
  it("keeps an owner when two owners step down at the same time", async () => {
    const owner = await signUp();
    const second = await addMember(owner, "owner");
    const statuses = await Promise.all([setRole(owner, owner.userId, "admin"), setRole(second, second.userId, "admin")]);
    expect(statuses.map((res) => res.status).sort()).toEqual([200, 409]);
    const owners = (await members(owner)).filter((member) => member.role === "owner");
    expect(owners, "the tenant was left without an owner").toHaveLength(1);
  });
});

describe("changing a role", () => {
  it("applies to the member's next request with the same access token", async () => {
    const owner = await signUp();
    const viewer = await addMember(owner, "viewer");
    const auditLogAsViewer = () => call("GET", "/v1/audit-log", { token: viewer.tokens.accessToken });
    await expectProblem(await auditLogAsViewer(), 403);
    await expectJson(await setRole(owner, viewer.userId, "admin"));
    await expectJson(await auditLogAsViewer());
  });

  it("takes rights away just as fast", async () => {
    const owner = await signUp();
    const admin = await addMember(owner, "admin");
    const keysAsAdmin = () => call("GET", "/v1/api-keys", { token: admin.tokens.accessToken });
    await expectJson(await keysAsAdmin());
    await expectJson(await setRole(owner, admin.userId, "viewer"));
    await expectProblem(await keysAsAdmin(), 403);
  });
});

describe("removing a member", () => {
  it("ends their access token and their refresh token at once", async () => {
    const owner = await signUp();
    const analyst = await addMember(owner, "analyst");
    await getJson("/v1/me", { token: analyst.tokens.accessToken });

    expect((await remove(owner, analyst.userId)).status).toBe(204);
    expect((await members(owner)).map((member) => member.id)).not.toContain(analyst.userId);
    await expectInvalidCredential(await call("GET", "/v1/me", { token: analyst.tokens.accessToken }));
    await expectInvalidCredential(await call("POST", "/v1/auth/refresh", { body: { refreshToken: analyst.tokens.refreshToken } }));
  });
});

describe("member validation", () => {
  it("rejects an unknown role", async () => {
    const owner = await signUp();
    const viewer = await addMember(owner, "viewer");
    await expectProblem(await setRole(owner, viewer.userId, "superuser"), 400, "json.role");
    const res = await call("POST", "/v1/invites", { token: owner.tokens.accessToken, body: { email: uniqueEmail(), role: "boss" } });
    await expectProblem(res, 400, "json.role");
  });

  it("rejects a member id that is not a UUID", async () => {
    const owner = await signUp();
    await expectProblem(await setRole(owner, "not-a-uuid", "viewer"), 400, "param.memberId");
    await expectProblem(await remove(owner, "not-a-uuid"), 400, "param.memberId");
  });

  it("answers 404 for a member that does not exist", async () => {
    const owner = await signUp();
    const unknown = crypto.randomUUID();
    expect((await expectProblem(await setRole(owner, unknown, "viewer"), 404)).code).toBe("NOT_FOUND");
    await expectProblem(await remove(owner, unknown), 404);
  });
});
