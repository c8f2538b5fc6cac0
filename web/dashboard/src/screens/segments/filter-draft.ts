import { fieldInfo, type FieldInfo, type UiOperator } from "./catalogue.ts";

/** The API's bounds (src/segments/dynamic/filter-schema.ts): groups nest 5 deep, 50 conditions in all. */
export const MAX_DEPTH = 5;
export const MAX_CONDITIONS = 50;

/**
 * A condition as it is being typed: `value` holds a single value or a typed list ("GB, FR"),
 * `to` the upper end of a range, `picked` the values ticked for "is any of" on a field with
 * known values. Text until it is sent, so a half-typed number is kept as typed.
 */
export type ConditionDraft = { kind: "condition"; id: string; field: string; op: UiOperator; value: string; to: string; picked: string[] };
/** "none" is the API's `{ not: { any: [...] } }`. */
export type GroupMode = "all" | "any" | "none";
export type GroupDraft = { kind: "group"; id: string; mode: GroupMode; children: DraftNode[] };
export type DraftNode = ConditionDraft | GroupDraft;

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function newCondition(field = "customer.country", op: UiOperator = "eq"): ConditionDraft {
  return { kind: "condition", id: nextId("c"), field, op, value: "", to: "", picked: [] };
}

export function newGroup(mode: GroupMode = "all", children: DraftNode[] = [newCondition()]): GroupDraft {
  return { kind: "group", id: nextId("g"), mode, children };
}

export function updateNode(group: GroupDraft, id: string, change: (node: DraftNode) => DraftNode): GroupDraft {
  if (group.id === id) return change(group) as GroupDraft;
  return { ...group, children: group.children.map((child) => (child.id === id ? change(child) : child.kind === "group" ? updateNode(child, id, change) : child)) };
}

export function removeNode(group: GroupDraft, id: string): GroupDraft {
  return { ...group, children: group.children.filter((child) => child.id !== id).map((child) => (child.kind === "group" ? removeNode(child, id) : child)) };
}

export function appendChild(group: GroupDraft, groupId: string, node: DraftNode): GroupDraft {
  return updateNode(group, groupId, (target) => ({ ...(target as GroupDraft), children: [...(target as GroupDraft).children, node] }));
}

export function countConditions(node: DraftNode): number {
  return node.kind === "condition" ? 1 : node.children.reduce((total, child) => total + countConditions(child), 0);
}

/** Levels of the API's filter a group takes: a "none" group is a `not` around an `any`. */
const levels = (group: GroupDraft) => (group.mode === "none" ? 2 : 1);

/** Whether every group sits within the API's nesting bound, the root starting at depth 0. */
export function fitsDepth(group: GroupDraft, start = 0): boolean {
  const below = start + levels(group);
  return below <= MAX_DEPTH && group.children.every((child) => child.kind === "condition" || fitsDepth(child, below));
}

export function isComplete(condition: ConditionDraft, field: FieldInfo): boolean {
  if (condition.op === "isNull" || condition.op === "notNull") return true;
  if (condition.op === "between") return condition.value.trim() !== "" && condition.to.trim() !== "";
  if (condition.op === "in") return field.choices ? condition.picked.length > 0 : splitList(condition.value).length > 0;
  return condition.value.trim() !== "";
}

const splitList = (text: string) => text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);

/** A typed value as JSON; what does not parse is sent as typed, so the API says what is wrong with it. */
function parse(field: FieldInfo, text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return trimmed;
  if (field.kind === "number") return Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  if (field.kind === "boolean") return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
  return trimmed;
}

function conditionFilter(condition: ConditionDraft, field: FieldInfo): unknown {
  const { field: name, op } = condition;
  switch (op) {
    case "isNull":
    case "notNull":
      return { field: name, op: "isNull", value: op === "isNull" };
    case "between":
      return { field: name, op, value: [parse(field, condition.value), parse(field, condition.to)] };
    case "in":
      return { field: name, op, value: (field.choices ? condition.picked : splitList(condition.value)).map((item) => parse(field, item)) };
    default:
      return { field: name, op, value: parse(field, condition.value) };
  }
}

/** The filter to send, and for each node the path the API's issues name it by (`all.1.any.0`). */
export type BuiltFilter = { filter: unknown; paths: Map<string, string>; skipped: number };

/**
 * The draft as the API's filter. For a live preview (`skipIncomplete`), conditions still being
 * typed are left out, and groups left empty with them; on save everything is sent, so the API
 * points at what is missing.
 */
export function buildFilter(root: GroupDraft, fields: readonly FieldInfo[], skipIncomplete: boolean): BuiltFilter {
  const paths = new Map<string, string>();
  let skipped = 0;
  const join = (path: string, ...parts: (string | number)[]) => [path, ...parts].filter((part) => part !== "").join(".");
  const visit = (node: DraftNode, path: string): unknown => {
    if (node.kind === "condition") {
      const field = fieldInfo(fields, node.field);
      if (skipIncomplete && !isComplete(node, field)) {
        skipped += 1;
        return undefined;
      }
      paths.set(node.id, path);
      return conditionFilter(node, field);
    }
    const key = node.mode === "none" ? "any" : node.mode;
    const inner = node.mode === "none" ? join(path, "not") : path;
    const children: unknown[] = [];
    for (const child of node.children) {
      const built = visit(child, join(inner, key, children.length));
      if (built !== undefined) children.push(built);
    }
    if (children.length === 0 && (skipIncomplete || node !== root)) return undefined;
    paths.set(node.id, path);
    return node.mode === "none" ? { not: { any: children } } : { [key]: children };
  };
  const filter = visit(root, "") ?? null;
  return { filter, paths, skipped };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function conditionFrom(node: Json, fields: readonly FieldInfo[]): ConditionDraft {
  const field = fieldInfo(fields, String(node.field));
  const draft = newCondition(field.name, String(node.op) as UiOperator);
  const text = (value: unknown) => (field.kind === "date" ? String(value).slice(0, 10) : String(value));
  const value = node.value;
  if (node.op === "isNull") return { ...draft, op: value === false ? "notNull" : "isNull" };
  if (node.op === "between" && Array.isArray(value)) return { ...draft, value: text(value[0]), to: text(value[1]) };
  if (node.op === "in" && Array.isArray(value)) return field.choices ? { ...draft, picked: value.map(String) } : { ...draft, value: value.map(text).join(", ") };
  return { ...draft, value: value === undefined ? "" : text(value) };
}

function nodeFrom(node: unknown, fields: readonly FieldInfo[]): DraftNode {
  if (!isObject(node)) return newCondition();
  if (Array.isArray(node.all)) return newGroup("all", node.all.map((child) => nodeFrom(child, fields)));
  if (Array.isArray(node.any)) return newGroup("any", node.any.map((child) => nodeFrom(child, fields)));
  if ("not" in node) {
    const inner = node.not;
    return newGroup("none", isObject(inner) && Array.isArray(inner.any) ? inner.any.map((child) => nodeFrom(child, fields)) : [nodeFrom(inner, fields)]);
  }
  return conditionFrom(node, fields);
}

/** A saved filter as a draft; a lone condition becomes a group of one, so there is always a root group. */
export function draftFrom(filter: unknown, fields: readonly FieldInfo[]): GroupDraft {
  const node = nodeFrom(filter, fields);
  return node.kind === "group" ? node : newGroup("all", [node]);
}

/** JSON with object keys sorted: the database's jsonb keeps its own key order, so filters compare by this. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** Whether two filters say the same thing in the same shape. */
export const sameFilter = (a: unknown, b: unknown) => canonical(a) === canonical(b);
