import type { Condition, ValueTest } from "../../src/types";
import type { AnyRule, AnyTest } from "./rule-schema";
import type { JsonSchema } from "./json-schema";

/** One scalar test of a rule's condition, at its dotted field path. */
interface FieldClause {
  path: string[];
  test: AnyTest;
}

/** The tests of a condition, nested structs flattened to dotted paths, in declaration order. */
function clausesOf(condition: Condition<unknown>, prefix: string[] = []): FieldClause[] {
  return Object.entries(condition as Record<string, AnyTest>).flatMap(([name, test]) => {
    const path = [...prefix, name];
    const scalar = "in" in test || "notIn" in test || "isEmpty" in test || "some" in test;
    return scalar ? [{ path, test }] : clausesOf(test as Condition<unknown>, path);
  });
}

const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

function anyOf(values: readonly unknown[]): string {
  const shown = values.map(code);
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(", ")} or ${shown[shown.length - 1]}`;
}

/** A clause in words, e.g. "`enable` is `true`". */
function clauseText({ path, test }: FieldClause): string {
  const field = `\`${path.join(".")}\``;
  const t = test as AnyTest;
  if ("in" in t) return `${field} is ${anyOf(t.in as unknown[])}`;
  if ("notIn" in t) return `${field} is not ${anyOf(t.notIn as unknown[])}`;
  if ("isEmpty" in t) return `${field} is empty`;
  if ("some" in t) {
    const item = t.some as ValueTest<unknown>;
    return "in" in item
      ? `${field} contains ${anyOf(item.in as unknown[])}`
      : `${field} contains a value other than ${anyOf(item.notIn as unknown[])}`;
  }
  throw new Error(`unsupported test at ${path.join(".")}`);
}

/** The configs a rule rejects, in words. */
export function conditionText(condition: Condition<unknown>): string {
  return clausesOf(condition).map(clauseText).join(" and ");
}

/** The field schema at a dotted path of a struct schema. */
function fieldAt(struct: JsonSchema, path: readonly string[]): JsonSchema {
  let field: JsonSchema | undefined = struct;
  for (const name of path) field = field?.properties?.[name];
  if (!field) throw new Error(`no field ${path.join(".")}`);
  return field;
}

/**
 * For each enum value a rule names, the note an editor shows beside that value: the rule's
 * other clauses and its Rust message. Keyed by dotted field path, then by value.
 */
export function variantNotes(rules: readonly AnyRule[], struct: JsonSchema): Map<string, Map<unknown, string[]>> {
  const notes = new Map<string, Map<unknown, string[]>>();
  for (const rule of rules) {
    const clauses = clausesOf(rule.when);
    for (const clause of clauses) {
      const test = clause.test as AnyTest;
      if (!("in" in test || "notIn" in test)) continue;
      const values = fieldAt(struct, clause.path).enum;
      if (!values) continue;
      const named = values.filter((v) => ("in" in test ? test.in.includes(v) : !test.notIn.includes(v)));
      const others = clauses.filter((other) => other !== clause).map(clauseText);
      const note = `Rejected${others.length ? ` when ${others.join(" and ")}` : ""} (${rule.message}).`;
      const byValue = notes.get(clause.path.join(".")) ?? new Map<unknown, string[]>();
      for (const value of named) byValue.set(value, [...(byValue.get(value) ?? []), note]);
      notes.set(clause.path.join("."), byValue);
    }
  }
  return notes;
}
