import { describeValue, fieldName, quote } from "./serde-words";
import type { ValidationIssue } from "./result";
import { valueAt } from "../util/pointer";
import { isOddObject, isTable } from "../util/tables";
import type { AjvError } from "./generated";

/**
 * Ajv's errors as the issues Rust would report, in Rust's order: every shape error first
 * (serde reads the whole document before any `validate()` runs), then the rule errors in the
 * order the schema lists them, which is `validate()`'s order, quant before rho, then the
 * trainer's rules of the whole document.
 */
export function toIssues(errors: readonly AjvError[], input: unknown, root: string): ValidationIssue[] {
  // One shape error per path: the first, unless an `enum` error follows (it names the
  // allowed values). A handful per input, so a list scan beats a Map.
  const shape: AjvError[] = [];
  const rules: ValidationIssue[] = [];
  let ownRules: ValidationIssue[] | undefined;
  for (const error of errors) {
    if (error.keyword === "errorMessage") {
      const issue: ValidationIssue = { stage: "validate", path: error.instancePath, message: error.message ?? "" };
      // The root's own rules run after those of the structs inside it (the trainer's after
      // `quant.validate()` and `rho.validate()`), though Ajv reports them first.
      if (error.schemaPath?.startsWith(OWN_RULES)) (ownRules ??= []).push(issue);
      else rules.push(issue);
    } else if (error.keyword !== "if") {
      let at = 0;
      while (at < shape.length && shape[at].instancePath !== error.instancePath) at++;
      if (at === shape.length || error.keyword === "enum") shape[at] = error;
    }
  }
  const issues: ValidationIssue[] = [];
  for (const error of shape) issues.push(shapeIssue(error, input, root));
  for (const issue of rules) issues.push(issue);
  if (ownRules) for (const issue of ownRules) issues.push(issue);
  return issues;
}

/** Where a target's own rules stand in its schema: the root's `allOf`. */
const OWN_RULES = "#/allOf/";

export function shapeIssue(error: AjvError, input: unknown, root: string): ValidationIssue {
  const value = "value" in error ? error.value : valueAt(input, error.instancePath);
  return faultIssue(error.instancePath, namedField(root, error.instancePath), error, value);
}

/** What of a shape error its issue says: the keyword that failed, with its `params` and Ajv's message. */
export type Fault = Pick<AjvError, "keyword" | "params" | "message">;

/**
 * The issue of a shape fault: serde's words for `value` at `path` (relative to the target),
 * the field `name`d as a config document writes it. The generated readers make theirs here,
 * each name and `fault` a constant of their code.
 */
export function faultIssue(path: string, name: string, fault: Fault, value: unknown): ValidationIssue {
  return { stage: "deserialize", path, message: `${name}: ${expectation(fault, value)}` };
}

/**
 * Field names by the target's root and the pointer below it, made once each (a bounded number:
 * list indices are many). Looked up by the two strings as given, mostly constants of the
 * generated code whose hashes V8 keeps, not by their concatenation, which would be hashed anew
 * on every call.
 */
const namesByRoot = new Map<string, Map<string, string>>();
const NAMES_KEPT = 1024;

export function namedField(root: string, pointer: string): string {
  let names = namesByRoot.get(root);
  if (names === undefined) namesByRoot.set(root, (names = new Map()));
  let name = names.get(pointer);
  if (name === undefined) {
    name = fieldName(root + pointer);
    if (names.size < NAMES_KEPT) names.set(pointer, name);
  }
  return name;
}

/** Each enum's "one of …", made once: Ajv passes every error the schema's own list. */
const expectedByEnum = new WeakMap<readonly unknown[], string>();

function oneOf(allowed: readonly unknown[]): string {
  let text = expectedByEnum.get(allowed);
  if (text === undefined) {
    text = `one of ${allowed.map((v) => (v === null ? "null" : quote(String(v)))).join(", ")}`;
    expectedByEnum.set(allowed, text);
  }
  return text;
}

const ARRAY_FORM = " (the array form of a struct is not supported)";
const MAP_FORM = " (write the variant as a string; the map form of an enum is not supported)";

/** What serde says of a value of the wrong type: `invalid type: <found>, expected <expected>`. */
function invalidType(value: unknown, expected: string): string {
  return `invalid type: ${describeValue(value)}, expected ${expected}`;
}

function expectation(error: Fault, value: unknown): string {
  if (error.keyword === "enum") {
    const expected = oneOf(error.params.allowedValues ?? []);
    if (typeof value === "string") return `unknown variant ${quote(value)}, expected ${expected}`;
    return `${invalidType(value, expected)}${isTable(value) ? MAP_FORM : ""}`;
  }
  switch (error.params.type) {
    case "object":
      return `${invalidType(value, "a table")}${Array.isArray(value) ? ARRAY_FORM : ""}`;
    case "array":
      return invalidType(value, "a sequence");
    case "boolean":
      return invalidType(value, "a boolean");
    default:
      return invalidType(value, error.message ?? "another value");
  }
}

/**
 * Objects at struct positions that are not plain tables (see `isTable`). Values that are
 * not objects at all are left to the validators, which name the expected type.
 */
export function nonTableIssues(structs: readonly string[], input: unknown, root: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const path of structs) {
    const value = valueAt(input, path, isTable);
    if (isOddObject(value)) issues.push({ stage: "deserialize", path, message: `${namedField(root, path)}: ${invalidType(value, "a table")}` });
  }
  return issues;
}
