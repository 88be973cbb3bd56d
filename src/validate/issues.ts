import { describeFloat, describeValue, fieldNameOf, hasLoneSurrogate, loneSurrogateWords, oneOf, quote, variantText } from "./serde-words";
import type { ValidationIssue } from "./result";
import { isWithin, pointerTokens, valueAt } from "../util/pointer";
import { isTable } from "../util/tables";
import type { AjvError } from "./generated";
import type { Layout } from "./layouts";
import { meantName } from "./meant";

/**
 * Whose words a shape error is told in: `toml`, the trainer's (toml 0.9 hands serde a
 * `toml::Table`, every table's keys in sorted order); `json`, serde_json's, for JSON and YAML
 * texts and for objects (keys in the order they are written).
 */
export type Dialect = "toml" | "json";

/** How the issues of one target's value are named and ordered. */
export interface IssueContext {
  layout: Layout;
  dialect: Dialect;
  /** The input as given: its keys' order is the order serde meets them in (JSON). */
  input: unknown;
  /** What the value cannot tell of how a text wrote it, by pointer from the target's root (see `ConfigDocument.written`). */
  written?: ReadonlyMap<string, WrittenAs>;
}

/**
 * How a text wrote a value that its plain value cannot tell: a whole number as a float (`1.0`),
 * a TOML datetime, a JSON string that escapes a lone surrogate (with serde_json's words for it,
 * which it says on reading the string, whatever the field expects).
 */
export type WrittenAs = "float" | "datetime" | { loneSurrogate: string };

/**
 * Ajv's errors as the issues Rust would report, in Rust's order: every shape error first, in
 * the order serde meets the fields (it reads the whole document before any `validate()` runs
 * and stops at the first), then the rule errors in the order the schema lists them, which is
 * `validate()`'s order, quant before rho, then the trainer's rules of the whole document.
 * `value` is the value the errors are about; `odd` the objects that are not tables where a
 * struct belongs (see `buildValue`).
 */
export function toIssues(errors: readonly AjvError[], value: unknown, odd: readonly string[], context: IssueContext): ValidationIssue[] {
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
    } else if (error.keyword !== "if" && !odd.some((pointer) => isWithin(error.instancePath, pointer))) {
      let at = 0;
      while (at < shape.length && shape[at].instancePath !== error.instancePath) at++;
      if (at === shape.length || error.keyword === "enum") shape[at] = error;
    }
  }
  const faults = [
    ...odd.map((path) => ({ stage: "deserialize" as const, path, message: `${namedField(context, path)}: ${invalidType(foundWords(valueAt(value, path), path, context), expectedTable(context, path))}` })),
    ...shape.map((error) => shapeIssue(error, value, context)),
  ];
  return [...inSerdeOrder(faults, context), ...rules, ...(ownRules ?? [])];
}

/** Where a target's own rules stand in its schema: the root's `allOf`. */
const OWN_RULES = "#/allOf/";

function shapeIssue(error: AjvError, value: unknown, context: IssueContext): ValidationIssue {
  const path = error.instancePath;
  const at = valueAt(value, path);
  const written = context.written?.get(path);
  if (typeof written === "object") {
    const message = `${namedField(context, path)}: ${written.loneSurrogate} (the string ${quote(String(at))} holds a lone surrogate, which is not Unicode)`;
    return { stage: "deserialize", path, message };
  }
  const message = `${namedField(context, path)}: ${expectation(error, at, path, context)}`;
  const suggestion = error.keyword === "enum" && typeof at === "string" && written === undefined ? meantName(at, variantsOf(error).names) : undefined;
  if (suggestion === undefined) return { stage: "deserialize", path, message };
  return { stage: "deserialize", path, message: `${message}; did you mean ${variantText(suggestion)}?`, suggestion };
}

/** The variants an `enum` error lists (`null` aside, which names an `Option` left unset), and serde's list of them; made once for each of the schema's enums, which every error passes as it is. */
function variantsOf(error: AjvError): { names: string[]; listed: string } {
  const allowed = error.params.allowedValues ?? [];
  let variants = enums.get(allowed);
  if (variants === undefined) {
    const names = allowed.filter((v): v is string => typeof v === "string");
    enums.set(allowed, (variants = { names, listed: oneOf(names) }));
  }
  return variants;
}

const enums = new WeakMap<readonly unknown[], { names: string[]; listed: string }>();

/** A value found at `path` in serde's words: a whole number the text wrote as a float is a float to serde. */
function foundWords(value: unknown, path: string, context: IssueContext): string {
  return context.written?.get(path) === "float" && typeof value === "number" ? describeFloat(value) : describeValue(value);
}

/** A field as a config document writes it: `model.quant.target_modules[1]`. */
function namedField(context: IssueContext, pointer: string): string {
  return fieldNameOf(context.layout.root + pointer);
}

/** What serde says of a value of the wrong type: `invalid type: <found>, expected <expected>`. */
function invalidType(found: string, expected: string): string {
  return `invalid type: ${found}, expected ${expected}`;
}

/**
 * serde's name of the type a table is read into: a struct's own, from `src/types`; for the
 * tables of the document around the structs, the names the trainer's config (TOML) and the
 * JSON reader's document give them.
 */
const DOCUMENT_TABLES: Record<Dialect, Record<string, string>> = {
  toml: { "": "TrainerDoc", "/model": "ModelOverrides" },
  json: { "": "Document", "/model": "ModelSection" },
};

function expectedTable(context: IssueContext, pointer: string): string {
  const name = context.layout.tables.get(pointer) ?? DOCUMENT_TABLES[context.dialect][context.layout.root + pointer];
  return name === undefined ? "a table" : `struct ${name}`;
}

/** The list in place of a struct: the trainer reads a short one field by field (serde_derive ≥ 1.0.182), which this package refuses. */
const LIST_FOR_STRUCT = " (write a table here: the trainer reads a list in place of a struct as its fields in order, which this check refuses)";
const MAP_FOR_ENUM = " (write the variant as a string: the map form of an enum is not supported)";

function expectation(error: AjvError, value: unknown, path: string, context: IssueContext): string {
  const words = () => foundWords(value, path, context);
  if (error.keyword === "enum") {
    const { names, listed } = variantsOf(error);
    const datetime = context.written?.get(path) === "datetime";
    if (typeof value === "string" && !datetime) return `unknown variant ${variantText(value)}, expected ${listed}`;
    if (isTable(value)) return mapForEnum(value, names, listed, context.dialect);
    const given = datetime ? `datetime ${variantText(String(value))}` : words();
    return `${NOT_A_STRING[context.dialect]} (found ${given} where a string is expected: ${listed})`;
  }
  switch (error.params.type) {
    case "object":
      return `${invalidType(words(), expectedTable(context, path))}${Array.isArray(value) ? LIST_FOR_STRUCT : ""}`;
    case "array":
      return invalidType(words(), "a sequence");
    case "boolean":
      return invalidType(words(), "a boolean");
    default:
      return invalidType(words(), error.message ?? "another value");
  }
}

/**
 * A table where an enum belongs: serde reads it as `{ variant = … }`, and says why it cannot
 * where it cannot; where it can (a unit variant with an empty value), this package refuses the
 * form, which no config writes (its one other refusal, beside a list in place of a struct).
 */
function mapForEnum(table: Record<string, unknown>, variants: readonly string[], listed: string, dialect: Dialect): string {
  const keys = Object.keys(table);
  const [first] = keys;
  if (dialect === "toml") {
    // The trainer's toml 0.9 `Value` as an enum.
    if (keys.length !== 1) return `wanted exactly 1 element, ${keys.length === 0 ? "found 0 elements" : "more than 1 element"}`;
    if (!variants.includes(first)) return `unknown variant ${variantText(first)}, expected ${listed}`;
    const inner = table[first];
    if (!isTable(inner)) return `expected table, found ${tomlType(inner)}`;
    if (Object.keys(inner).length > 0) return "expected empty table";
  } else {
    // serde_json reads the first key as the variant and `null` as its unit value.
    if (first === undefined) return NOT_A_STRING.json;
    if (hasLoneSurrogate(first)) return loneSurrogateWords(first);
    if (!variants.includes(first)) return `unknown variant ${variantText(first)}, expected ${listed}`;
    if (table[first] !== null) return invalidType(describeValue(table[first]), "unit");
  }
  return `invalid type: map, expected ${listed}${MAP_FOR_ENUM}`;
}

/** A TOML value's kind in toml's words (`Value::type_str`). */
function tomlType(value: unknown): string {
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "float";
  if (typeof value === "bigint") return "integer";
  return typeof value;
}

/**
 * What serde says of a value that is not a string where an enum belongs: the trainer's toml
 * 0.9 `Value` (`Unexpected::UnitVariant`, "string only"), serde_json (its "expected value").
 */
const NOT_A_STRING: Record<Dialect, string> = {
  toml: "invalid type: unit variant, expected string only",
  json: "expected value",
};

/**
 * Shape issues in the order serde meets their fields: depth first, each table's keys in the
 * input's order (serde_json) or sorted (the trainer's `toml::Table`, a BTreeMap), list items
 * by index.
 */
function inSerdeOrder(issues: ValidationIssue[], context: IssueContext): ValidationIssue[] {
  if (issues.length < 2) return issues;
  const place = new Map(issues.map((issue) => [issue, placeOf(issue.path, context)]));
  return [...issues].sort((a, b) => comparePlaces(place.get(a)!, place.get(b)!));
}

/** A path as the keys serde meets before it, one rank per level: a list index, or the key's rank in its table. */
function placeOf(pointer: string, context: IssueContext): (number | string)[] {
  const ranks: (number | string)[] = [];
  let table = context.input;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(table)) ranks.push(Number(token));
    else if (context.dialect === "toml") ranks.push(token);
    else ranks.push(isTable(table) ? Object.keys(table).indexOf(token) : 0);
    table = table !== null && typeof table === "object" ? (table as Record<string, unknown>)[token] : undefined;
  }
  return ranks;
}

function comparePlaces(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}
