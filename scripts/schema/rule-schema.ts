import type { Condition, FieldTest, ListTest, ValueTest } from "../../src/types";
import type { JsonSchema } from "./json-schema";

/**
 * A `validate()` rule as draft-07: `if` the config is one the rule rejects, `then` fail with
 * the Rust message. Omitted fields count as their defaults, so a test that the default
 * passes leaves the field optional and one it fails makes the field `required`.
 */
export function ruleSchema(rule: AnyRule, struct: JsonSchema): JsonSchema {
  const violation = conditionSchema(rule.when, struct);
  return { if: violation, then: failAt(rule.at, rule.message, violation) };
}

/** A test of any field as the build reads it: a value, a list, or a nested struct's condition. */
export type AnyTest = ValueTest<unknown> | ListTest<unknown> | Condition<unknown>;

/** A rule of any struct, as the build reads it: each declaration is checked against its own type where it is written. */
export interface AnyRule {
  readonly message: string;
  readonly at: readonly string[];
  readonly when: Condition<unknown>;
}

function conditionSchema(condition: Condition<unknown>, struct: JsonSchema): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, test] of Object.entries(condition as Record<string, AnyTest>)) {
    const field = struct.properties?.[name];
    if (!field) throw new Error(`rule names unknown field ${name}`);
    properties[name] = testSchema(test, field);
    if (!passes(test, field.default)) required.push(name);
  }
  return required.length ? { properties, required } : { properties };
}

function testSchema(test: AnyTest, field: JsonSchema): JsonSchema {
  if ("in" in test) return oneOf(test.in as unknown[]);
  if ("notIn" in test) return oneOf(variants(field).filter((v) => !(test.notIn as unknown[]).includes(v)));
  if ("isEmpty" in test) return { type: "array", maxItems: 0 };
  if ("some" in test) return { type: "array", contains: testSchema(test.some as AnyTest, field.items ?? {}) };
  return { type: "object", ...conditionSchema(test as Condition<unknown>, field) };
}

function oneOf(values: unknown[]): JsonSchema {
  return values.length === 1 ? { const: values[0] } : { enum: values };
}

function variants(field: JsonSchema): unknown[] {
  if (field.type === "boolean") return [true, false];
  if (!field.enum) throw new Error(`field has no variants: ${JSON.stringify(field)}`);
  return field.enum;
}

/** Whether a value (a field's default) passes a test, judged the way Rust's `matches!` would. */
export function passes(test: FieldTest<unknown> | AnyTest, value: unknown): boolean {
  const t = test as AnyTest;
  if ("in" in t) return (t.in as unknown[]).includes(value);
  if ("notIn" in t) return !(t.notIn as unknown[]).includes(value);
  const list = value as unknown[];
  if ("isEmpty" in t) return list.length === 0;
  if ("some" in t) return list.some((item) => passes(t.some as AnyTest, item));
  // A struct that is absent (an `Option` left `None`) meets no condition.
  if (value === undefined) return false;
  const struct = value as Record<string, unknown>;
  return Object.entries(t as Record<string, AnyTest>).every(([name, inner]) => passes(inner, struct[name]));
}

/** Characters a rule message may not hold, as it doubles as a regular expression (see `ruleFailure`). */
const REGEX_SYNTAX = /[\\^$*+?()[\]{}|]/;

/**
 * A schema that every value fails, with `message` in each consumer's own words. Ajv (with
 * ajv-errors), VS Code and yaml-language-server report `errorMessage`; python-jsonschema and
 * taplo ignore it and word the failing keyword themselves, quoting the schema's value: a
 * string fails `pattern: message` ("'none' does not match '<message>'"), any other value
 * `const: message` ("'<message>' was expected"). The message read as a pattern is itself:
 * with no regex syntax but `.`, it matches only strings at least as long as the message,
 * which no enum variant or field name is, so every value a rule can reject fails, as
 * `not: {}` would.
 */
export function ruleFailure(message: string): JsonSchema {
  return { if: { type: "string" }, then: stringFailure(message), else: { const: message, errorMessage: message }, errorMessage: message };
}

function stringFailure(message: string): JsonSchema {
  if (REGEX_SYNTAX.test(message)) throw new Error(`a rule message cannot hold regex syntax: ${message}`);
  return { type: "string", pattern: message, errorMessage: message };
}

/**
 * A table that lacks the field a rule names fails at the name of `key`, a field the rule's
 * condition requires, so present whenever the rule applies: taplo shows a failing `const`
 * JSON-escaped (`\"none\"`), a key failing `pattern` with the message as it is.
 */
function tableFailure(message: string, key: string): JsonSchema {
  return { propertyNames: { if: { const: key }, then: stringFailure(message) }, errorMessage: message };
}

/**
 * A rule failure in the form the validators compile: `not: {}` with the message for
 * ajv-errors, as every value fails both. Ajv's strict types would reject the published
 * form's `if: { type: "string" }` where a table is expected.
 */
export function compiledRuleFailure(schema: JsonSchema): JsonSchema | undefined {
  const message = schema.errorMessage;
  if (typeof message !== "string") return undefined;
  const key = schema.propertyNames?.if?.const;
  const published = typeof key === "string" ? tableFailure(message, key) : ruleFailure(message);
  return JSON.stringify(schema) === JSON.stringify(published) ? { not: {}, errorMessage: message } : undefined;
}

/**
 * Fails with `message` at the deepest field of `at` that is present: the field itself when
 * the user wrote it, otherwise the table that lacks it, at the name of a field the condition
 * requires (see `ruleFailure`).
 * Where the violation already requires the field, the presence test is left out.
 */
function failAt(at: readonly string[], message: string, violation: JsonSchema): JsonSchema {
  const fail = ruleFailure(message);
  if (at.length === 0) return fail;
  const [name, ...rest] = at;
  const field = rest.length ? { type: "object", ...failAt(rest, message, violation.properties?.[name] ?? {}) } : fail;
  const inner = { properties: { [name]: field } };
  if (violation.required?.includes(name)) return inner;
  const present = violation.required?.[0];
  return { if: { required: [name] }, then: inner, else: present ? tableFailure(message, present) : fail };
}
