import { compilable } from "./ajv";
import type { JsonSchema } from "../schema/json-schema";

/**
 * Source of `dist/generated/explain-<target>.js`: every error Ajv (allErrors, with
 * ajv-errors) reports for a published schema, found by straight-line code written from that
 * schema, without Ajv's run-time bookkeeping: no placeholder errors inside `if`, no pass of
 * ajv-errors over the whole error list per `errorMessage`.
 *
 * The module exports `validate` as an Ajv validator does (`validate.errors` after a run).
 * Each error carries what the run reads from it (`instancePath`, `schemaPath` of a rule,
 * `keyword`, `params`, `message`) and the `value` found at its path, so that no issue has to
 * look it up again. Errors come in Ajv's order; Ajv's `if` errors ("must match then schema")
 * are left out, as nothing reads them.
 *
 * Only the keywords the published schemas use are known; any other fails the build.
 */
export function explainerModule(published: JsonSchema): string {
  const schema = compilable(published, "explain");
  const writer = new Writer(schema.definitions ?? {});
  const body = writer.report(schema, "data", { text: "", dynamic: false }, "#");
  return [
    '"use strict";',
    "/* Written by scripts/build-validators.ts from the published schema. */",
    ...writer.constants,
    ...writer.helpers,
    "function validate(data) {",
    "const errors = [];",
    body,
    "validate.errors = errors.length === 0 ? null : errors;",
    "return errors.length === 0;",
    "}",
    "exports.validate = validate;",
    "",
  ].join("\n");
}

/** A struct just built by a reader: each field's name, and the local that holds its value. */
export type BuiltStruct = ReadonlyMap<string, string>;

/** An instance path: a constant, or JS code that builds it (below a list index). */
export interface Path {
  text: string;
  dynamic: boolean;
}

const KNOWN = new Set(["type", "enum", "const", "properties", "required", "items", "contains", "maxItems", "not", "allOf", "if", "then", "else", "errorMessage", "$ref", "$schema", "$id", "definitions"]);

/** Ajv's test of each JSON type, as a boolean. */
export function typeTest(type: string, data: string): string {
  switch (type) {
    case "object":
      return `(typeof ${data} == "object" && ${data} !== null && !Array.isArray(${data}))`;
    case "array":
      return `Array.isArray(${data})`;
    case "string":
    case "boolean":
      return `typeof ${data} == "${type}"`;
    case "null":
      return `${data} === null`;
    default:
      throw new Error(`explainer: type ${type} is not supported`);
  }
}

export function typesOf(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

const OBJECT_KEYWORDS = ["required", "properties"] as const;
const ARRAY_KEYWORDS = ["maxItems", "items", "contains"] as const;

/** A JSON Pointer token, escaped as Ajv escapes it. */
export function token(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function below(path: Path, tokenCode: string, isConstant: boolean): Path {
  if (isConstant && !path.dynamic) return { text: path.text + tokenCode, dynamic: false };
  const head = path.dynamic ? path.text : JSON.stringify(path.text);
  return { text: `${head} + ${isConstant ? JSON.stringify(tokenCode) : tokenCode}`, dynamic: true };
}

/** The code of an instance path: a string literal, or the expression that builds it. */
export const pathCode = (path: Path) => (path.dynamic ? path.text : JSON.stringify(path.text));

/** An error the written code has found, and the code that holds its value. */
export interface FoundError {
  path: Path;
  schemaPath: string;
  keyword: string;
  params: unknown;
  message: string;
  data: string;
}

/**
 * What the written code does with each error it finds: `explain` pushes it onto `errors`
 * (and goes on); a reader's first-rule function returns what Rust's error needs of it.
 */
export type ErrorSink = (error: FoundError) => string;

export class Writer {
  readonly constants: string[] = [];
  readonly helpers: string[] = [];
  private readonly named = new Map<string, string>();
  private readonly functions = new Map<string, string>();
  private locals = 0;
  private helperCount = 0;

  constructor(private readonly definitions: Record<string, JsonSchema>) {}

  /** A module-level constant holding `value`, written once however often it is used. */
  constant(value: unknown): string {
    const text = JSON.stringify(value);
    let name = this.named.get(text);
    if (name === undefined) {
      name = `K${this.named.size}`;
      this.named.set(text, name);
      this.constants.push(`const ${name} = ${text};`);
    }
    return name;
  }

  private local(): string {
    return `v${this.locals++}`;
  }

  /** The schema a `$ref` names (followed to the end), or the schema itself. */
  resolved(schema: JsonSchema): JsonSchema {
    return this.resolve(schema, "#")[0];
  }

  private resolve(schema: JsonSchema, schemaPath: string): [JsonSchema, string] {
    if (schema.$ref === undefined) return [schema, schemaPath];
    const name = schema.$ref.replace("#/definitions/", "");
    const target = this.definitions[name];
    if (!target || Object.keys(schema).length > 1) throw new Error(`explainer: unsupported $ref ${schema.$ref}`);
    return this.resolve(target, `#/definitions/${name}`);
  }

  private known(schema: JsonSchema): void {
    for (const key of Object.keys(schema)) if (!KNOWN.has(key)) throw new Error(`explainer: keyword ${key} is not supported`);
  }

  /** The sink of `explain`: each error as Ajv would report it, pushed onto `errors`. */
  readonly push: ErrorSink = ({ path, schemaPath, keyword, params, message, data }) =>
    `errors.push({ instancePath: ${pathCode(path)}, schemaPath: ${JSON.stringify(schemaPath)}, keyword: ${JSON.stringify(keyword)}, params: ${this.constant(params)}, message: ${JSON.stringify(message)}, value: ${data} });`;

  /**
   * Statements that push every error of `data` (a local) against `schema`, in Ajv's order:
   * a type checked on its own first, then the keywords that apply to any type (`enum`,
   * `const`, `not`, `allOf`, `if`), then those of arrays and of objects, each guarded by
   * its type (with the type error as their `else` where the schema names that type alone).
   * Each error goes to `sink`.
   */
  report(given: JsonSchema, data: string, path: Path, givenPath: string, sink: ErrorSink = this.push): string {
    if (given.$ref !== undefined) {
      if (sink !== this.push) throw new Error(`explainer: a $ref is supported where errors are pushed, at ${givenPath}`);
      return `${this.definition(given)}(${data}, ${pathCode(path)}, errors);`;
    }
    const [schema, schemaPath] = this.resolve(given, givenPath);
    this.known(schema);
    if (schema.errorMessage !== undefined) return this.ruleError(schema, data, path, schemaPath, sink);
    const out: string[] = [];
    const types = typesOf(schema);
    const grouped = (type: string, keys: readonly string[]) =>
      types.length === 1 && types[0] === type && keys.some((key) => key in schema);
    const typeInGroup = grouped("object", OBJECT_KEYWORDS) || grouped("array", ARRAY_KEYWORDS);
    const typeError = sink({ path, schemaPath: `${schemaPath}/type`, keyword: "type", params: { type: schema.type }, message: `must be ${types.join(",")}`, data });
    if (types.length > 0 && !typeInGroup) out.push(`if (!(${types.map((t) => typeTest(t, data)).join(" || ")})) ${typeError}`);
    if (schema.const !== undefined) {
      out.push(`if (!(${this.equals(data, schema.const)})) ${sink({ path, schemaPath: `${schemaPath}/const`, keyword: "const", params: { allowedValue: schema.const }, message: "must be equal to constant", data })}`);
    }
    if (schema.enum !== undefined) {
      out.push(`if (!(${this.oneOf(data, schema.enum)})) ${sink({ path, schemaPath: `${schemaPath}/enum`, keyword: "enum", params: { allowedValues: schema.enum }, message: "must be equal to one of the allowed values", data })}`);
    }
    if (schema.not !== undefined) throw new Error(`explainer: 'not' without errorMessage at ${schemaPath}`);
    (schema.allOf ?? []).forEach((sub, i) => out.push(this.report(sub, data, path, `${schemaPath}/allOf/${i}`, sink)));
    if (schema.if !== undefined) {
      const then = schema.then ? this.report(schema.then, data, path, `${schemaPath}/then`, sink) : "";
      const otherwise = schema.else ? this.report(schema.else, data, path, `${schemaPath}/else`, sink) : "";
      const condition = this.test(schema.if, data, `${schemaPath}/if`);
      if (then) out.push(`if (${condition}) {\n${then}\n}${otherwise ? ` else {\n${otherwise}\n}` : ""}`);
      else if (otherwise) out.push(`if (!${condition}) {\n${otherwise}\n}`);
    }
    const arrays = this.arrayKeywords(schema, data, path, schemaPath, sink);
    if (arrays) out.push(`if (${typeTest("array", data)}) {\n${arrays}\n}${grouped("array", ARRAY_KEYWORDS) ? ` else ${typeError}` : ""}`);
    const objects = this.objectKeywords(schema, data, path, schemaPath, sink);
    if (objects) out.push(`if (${typeTest("object", data)}) {\n${objects}\n}${grouped("object", OBJECT_KEYWORDS) ? ` else ${typeError}` : ""}`);
    return out.join("\n");
  }

  /**
   * A definition's errors come from a function of its own, written once: V8 optimizes a
   * whole document's code better in a few functions than in one.
   */
  private definition(reference: JsonSchema): string {
    const known = this.functions.get(reference.$ref as string);
    if (known !== undefined) return known;
    const name = `explain${this.functions.size}`;
    this.functions.set(reference.$ref as string, name);
    const [schema, schemaPath] = this.resolve(reference, "#");
    const body = this.report(schema, "data", { text: "path", dynamic: true }, schemaPath);
    this.helpers.push(`function ${name}(data, path, errors) {\n${body}\n}`);
    return name;
  }

  /** ajv-errors replaces the errors of a subschema with its `errorMessage`: only `not: {}` is used, which always fails. */
  private ruleError(schema: JsonSchema, data: string, path: Path, schemaPath: string, sink: ErrorSink): string {
    const { errorMessage, not, ...rest } = schema;
    if (typeof errorMessage !== "string" || Object.keys(rest).length > 0 || !not || Object.keys(not).length > 0) {
      throw new Error(`explainer: errorMessage is supported beside 'not: {}' alone, at ${schemaPath}`);
    }
    return sink({ path, schemaPath: `${schemaPath}/errorMessage`, keyword: "errorMessage", params: {}, message: errorMessage, data });
  }

  private arrayKeywords(schema: JsonSchema, data: string, path: Path, schemaPath: string, sink: ErrorSink): string {
    if (schema.maxItems !== undefined || schema.contains !== undefined) {
      throw new Error(`explainer: maxItems and contains are supported inside 'if' only, at ${schemaPath}`);
    }
    if (schema.items === undefined) return "";
    if (Array.isArray(schema.items)) throw new Error(`explainer: tuple items at ${schemaPath}`);
    const index = this.local();
    const item = this.local();
    const itemPath = below(path, `"/" + ${index}`, false);
    return [
      `for (let ${index} = 0; ${index} < ${data}.length; ${index}++) {`,
      `const ${item} = ${data}[${index}];`,
      this.report(schema.items, item, itemPath, `${schemaPath}/items`, sink),
      "}",
    ].join("\n");
  }

  private objectKeywords(schema: JsonSchema, data: string, path: Path, schemaPath: string, sink: ErrorSink): string {
    if (schema.required !== undefined) throw new Error(`explainer: required is supported inside 'if' only, at ${schemaPath}`);
    const out: string[] = [];
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const value = this.local();
      out.push(`const ${value} = ${data}[${JSON.stringify(name)}];`);
      out.push(`if (${value} !== undefined) {\n${this.report(sub, value, below(path, `/${token(name)}`, true), `${schemaPath}/properties/${token(name)}`, sink)}\n}`);
    }
    return out.join("\n");
  }

  /** `data === value` for a JSON primitive, as Ajv's `const` and `enum` compare them. */
  private equals(data: string, value: unknown): string {
    if (value !== null && typeof value === "object") throw new Error("explainer: only primitive const and enum values are supported");
    return `${data} === ${JSON.stringify(value)}`;
  }

  private oneOf(data: string, values: unknown[]): string {
    return values.map((value) => this.equals(data, value)).join(" || ");
  }

  /**
   * An expression: whether `data` is valid against `schema` (the inside of an `if`: verdict
   * only, no errors). With `built`, `data` is a struct the reader has just built: an object
   * whose fields are all present, each held in a local, so neither its type nor its fields'
   * presence is tested and each field is read from its local.
   */
  test(given: JsonSchema, data: string, givenPath: string, built?: BuiltStruct): string {
    const [schema, schemaPath] = this.resolve(given, givenPath);
    this.known(schema);
    const parts: string[] = [];
    const types = typesOf(schema);
    if (types.length > 0 && !(built && types.includes("object"))) parts.push(`(${types.map((t) => typeTest(t, data)).join(" || ")})`);
    if (schema.const !== undefined) parts.push(`(${this.equals(data, schema.const)})`);
    if (schema.enum !== undefined) parts.push(`(${this.oneOf(data, schema.enum)})`);
    if (schema.not !== undefined) parts.push(`!${this.test(schema.not, data, `${schemaPath}/not`, built)}`);
    (schema.allOf ?? []).forEach((sub, i) => parts.push(this.test(sub, data, `${schemaPath}/allOf/${i}`, built)));
    if (schema.if !== undefined) {
      const then = schema.then ? this.test(schema.then, data, `${schemaPath}/then`, built) : "true";
      const otherwise = schema.else ? this.test(schema.else, data, `${schemaPath}/else`, built) : "true";
      parts.push(`(${this.test(schema.if, data, `${schemaPath}/if`, built)} ? ${then} : ${otherwise})`);
    }
    const arrays: string[] = [];
    if (schema.maxItems !== undefined) arrays.push(`${data}.length <= ${schema.maxItems}`);
    if (schema.items !== undefined) arrays.push(`${this.listHelper("every", schema.items, `${schemaPath}/items`)}(${data})`);
    if (schema.contains !== undefined) arrays.push(`${this.listHelper("some", schema.contains, `${schemaPath}/contains`)}(${data})`);
    if (arrays.length > 0 && !built) parts.push(`(!Array.isArray(${data}) || (${arrays.join(" && ")}))`);
    const objects: string[] = [];
    for (const name of schema.required ?? []) if (!built?.has(name)) objects.push(`${data}[${JSON.stringify(name)}] !== undefined`);
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const value = built?.get(name) ?? `${data}[${JSON.stringify(name)}]`;
      objects.push(`${this.propertyHelper(sub, `${schemaPath}/properties/${token(name)}`)}(${value})`);
    }
    if (objects.length > 0) parts.push(built ? `(${objects.join(" && ")})` : `(!${typeTest("object", data)} || (${objects.join(" && ")}))`);
    return parts.length === 0 ? "true" : `(${parts.join(" && ")})`;
  }

  /**
   * A helper function: whether a property's value (or its absence) passes. The value is read
   * once and passed in, where an inline test would read it again for every keyword.
   */
  private propertyHelper(schema: JsonSchema, schemaPath: string): string {
    const name = `property${this.helperCount++}`;
    this.helpers.push(`function ${name}(value) {\nreturn value === undefined || ${this.test(schema, "value", schemaPath)};\n}`);
    return name;
  }

  /** A helper function: whether every (or some) element of a list is valid against `schema`. */
  private listHelper(kind: "every" | "some", schema: JsonSchema, schemaPath: string): string {
    const name = `${kind}${this.helperCount++}`;
    const hit = kind === "every" ? "!" : "";
    this.helpers.push(
      [
        `function ${name}(list) {`,
        `for (let i = 0; i < list.length; i++) { const item = list[i]; if (${hit}${this.test(schema, "item", schemaPath)}) return ${kind === "some"}; }`,
        `return ${kind === "every"};`,
        "}",
      ].join("\n"),
    );
    return name;
  }
}
