import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Frame } from "./wire-frames.ts";

/**
 * A fault the bridge injects into the next session that sends a statement containing `match`
 * (case-insensitive): the session is cut, as a dropped network would cut it, or every statement
 * from the match on is held back for a while. Counting starts at the matching statement.
 */
export const FaultRule = z
  .strictObject({
    match: z.string().min(1),
    /** Cut after this many statements (Parse or Query messages) went through; 0 cuts before the matching one runs. */
    cutAfterStatements: z.number().int().min(0).optional(),
    /** Cut after this many bytes from the client went through, possibly mid-message. */
    cutAfterBytes: z.number().int().min(0).optional(),
    /** Hold back each statement from the match on for this long. */
    delayMs: z.number().int().min(1).max(60_000).optional(),
    /** How many sessions the rule affects. */
    sessions: z.number().int().min(1).default(1),
  })
  .refine((rule) => [rule.cutAfterStatements, rule.cutAfterBytes, rule.delayMs].filter((v) => v !== undefined).length === 1, {
    message: "give exactly one of cutAfterStatements, cutAfterBytes and delayMs",
  });
export type FaultRule = z.infer<typeof FaultRule>;
export type FaultRuleInput = z.input<typeof FaultRule>;

/** What a session does with one frame: pass it on (after a delay), or pass its first `cutAfter` bytes and cut. */
export type FrameVerdict = { delayMs: number; cutAfter?: number };

const PASS: FrameVerdict = { delayMs: 0 };
const QUERY = 0x51;
const PARSE = 0x50;

type ArmedRule = FaultRule & { id: number; hits: number };

/** The faults armed on a bridge, shared by all its sessions. */
export class FaultPlan {
  #rules: ArmedRule[] = [];
  #nextId = 1;

  add(rule: FaultRule): ArmedRule {
    const armed = { ...rule, id: this.#nextId++, hits: 0 };
    this.#rules.push(armed);
    return armed;
  }

  list(): ArmedRule[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  clear(): void {
    this.#rules = [];
  }

  /** A watch for one new session. */
  watch(): SessionFaults {
    return new SessionFaults(this);
  }

  /** The first rule with sessions left whose match the statement contains; it counts this session. */
  claim(statement: string): ArmedRule | undefined {
    if (!this.#rules.length) return undefined;
    const text = statement.toLowerCase();
    const rule = this.#rules.find((r) => r.hits < r.sessions && text.includes(r.match.toLowerCase()));
    if (rule) rule.hits++;
    return rule;
  }
}

/** Applies at most one rule to one session, from the first statement that matches it. */
export class SessionFaults {
  #rule: ArmedRule | undefined;
  #statements = 0;
  #bytes = 0;

  constructor(private readonly plan: FaultPlan) {}

  inspect(frame: Frame): FrameVerdict {
    const statement = frame.kind === "message" ? statementOf(frame.bytes) : undefined;
    if (!this.#rule) {
      if (statement === undefined) return PASS;
      this.#rule = this.plan.claim(statement);
      if (!this.#rule) return PASS;
    }
    const rule = this.#rule;
    if (rule.delayMs !== undefined) return statement === undefined ? PASS : { delayMs: rule.delayMs };
    if (rule.cutAfterStatements !== undefined) {
      if (statement === undefined) return PASS;
      return this.#statements++ < rule.cutAfterStatements ? PASS : { delayMs: 0, cutAfter: 0 };
    }
    const left = rule.cutAfterBytes! - this.#bytes;
    this.#bytes += frame.bytes.length;
    return left >= frame.bytes.length ? PASS : { delayMs: 0, cutAfter: Math.max(0, left) };
  }
}

/** The SQL text of a Query or Parse message; undefined for every other message. */
function statementOf(bytes: Uint8Array): string | undefined {
  if (bytes[0] === QUERY) return cString(bytes, 5);
  if (bytes[0] !== PARSE) return undefined;
  const nameEnd = bytes.indexOf(0, 5);
  return nameEnd < 0 ? undefined : cString(bytes, nameEnd + 1);
}

function cString(bytes: Uint8Array, start: number): string {
  const end = bytes.indexOf(0, start);
  return Buffer.from(bytes.subarray(start, end < 0 ? bytes.length : end)).toString("utf8");
}

/**
 * The bridge's fault control, for tests: `POST /faults` arms a rule (answers it with its id),
 * `GET /faults` lists the rules with how many sessions each has hit, `DELETE /faults` disarms all.
 */
export async function serveFaultControl(plan: FaultPlan, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const reply = (status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.method === "GET") return reply(200, plan.list());
  if (req.method === "DELETE") return (plan.clear(), reply(200, []));
  if (req.method !== "POST") return reply(405, { error: "GET, POST or DELETE" });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return reply(400, { error: "the body is not JSON" });
  }
  const parsed = FaultRule.safeParse(body);
  if (!parsed.success) return reply(400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "rule"}: ${i.message}`).join("; ") });
  return reply(201, plan.add(parsed.data));
}
