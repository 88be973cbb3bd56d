import { compilable } from "./ajv";
import { documentShape } from "./document-shape";
import { below, pathCode, token, typeTest, typesOf, Writer, type BuiltStruct, type ErrorSink, type Path } from "./explainer";
import { fieldOf, innerShape, structTargets, type Shape, type ShapeField } from "../../src/validate/shape";
import { SCHEMA_FILES, type Target } from "../../src/validate/targets";
import { fieldName } from "../../src/validate/serde-words";
import { parentPointer, pointerOf, pointerTokens } from "../../src/util/pointer";
import type { JsonSchema } from "../schema/json-schema";

/**
 * Source of `dist/generated/read-<target>.js`: the value Rust deserializes and Ajv's verdict
 * on it, in one pass over the input, and for an invalid value the issues of the errors
 * `explain` would find.
 *
 * - `read(input)` builds the value: one function per struct, every field given or defaulted,
 *   unknown keys dropped. The input's own entries are iterated and matched by name: parsed
 *   configs come in any key order, so each has its own hidden class, and probing every field
 *   by name would miss V8's caches on every read. `Object.entries` gives every own key with
 *   its value, in the input's order, each read once (an unknown key's too, as serde reads an
 *   unknown key's value to skip it), and nothing inherited from a polluted prototype. It
 *   reads the values by their place in the table's layout where V8's enum cache holds the
 *   keys of the table's hidden class, but does not fill that cache, and without it takes four
 *   times as long: a `for…in` that stops at once fills it first. (A `for…in` that reads the
 *   values turns generic at its site for good once it meets a table with an index key such
 *   as "0"; `Object.keys` and a lookup per key is a tenth slower.) A table of the document
 *   around the structs is copied by `copyTable` (every own key, each read once); its structs
 *   and tables are read from the copy by name. Values are copied as given, wrong types
 *   included (lists are copied, not shared), at the input's paths. An object that is not a
 *   plain table (a class instance, a `Map`) at a struct position makes the result
 *   `undefined`: Ajv would read its fields through its prototype, so the caller explains the
 *   input itself.
 * - While copying, each given value is tested as the schema tests it; a struct's rules are
 *   tested on the struct just built (one object literal, so one hidden class per struct and
 *   monomorphic reads). `valid()` is the verdict of the last `read`: valid input is read once.
 * - `issues(value, list, one)` gives the issues of what `explain` finds in an invalid built
 *   value, in order: the shape errors', one per path (the `enum` error where both the type
 *   and the enum fail, as issues keep it), in the schema's order, each made by the run
 *   time's `faultIssue` with its field's name written in; then the rules' (the explainer's
 *   own code), a struct's before those of the structs inside it, the root's own last. With
 *   `one`, only Rust's error: the first shape error where the last `read` found one, else
 *   the first rule's (the rules after it are not run). The walk looks only where the read
 *   marked something: the fields it found faulty (`faulty`, one bit per field of each
 *   struct) and the rules it found broken (`breaks`, one bit per rule), so an invalid
 *   document costs its faults, not its size. A list longer than `longList` makes it give up
 *   (`false`), for `explain` to run on the list shortened. A rule's issue stands at its
 *   place: the field where the input writes it, else the table that omits it, from the
 *   tables the read was given.
 * - Rust's error alone: `read(input, true)` stops reading a document after the struct where
 *   it finds a shape fault (the first in the schema's order lies there or before); what it
 *   skips is only looked at for an odd object. `firstShape(value)` is then the walk's first
 *   shape issue. `firstRule()`, where the read found no fault and a rule broken, is what the
 *   first rule each struct breaks reports, kept by the read (its message and place): no walk
 *   of the value, no lookup in the input.
 *
 * The module exports a factory taking the run time's functions (what counts as a table and
 * an odd object, how a table is copied, and what a shape fault's issue says, is the run
 * time's) and `longList`.
 * Only the keywords the published schemas use are known; any other fails the build.
 */
export function readerModule(files: Readonly<Record<string, JsonSchema>>, target: Target): string {
  const document = documentShape(files[SCHEMA_FILES.config]);
  if (target === "config") return readerSource(files[SCHEMA_FILES.config], document, "table", "");
  const struct = structTargets(document).find(({ name }) => name === target);
  if (struct === undefined) throw new Error(`reader: no struct ${target} in the document`);
  return readerSource(files[SCHEMA_FILES[target]], struct.shape, "struct", pointerOf(struct.path));
}

/** A target's reader: from its schema, its shape, and where it stands in a document (`root`), whose fields its issues name. */
function readerSource(published: JsonSchema, shape: Shape, kind: "table" | "struct", root: string): string {
  const schema = compilable(published, "explain");
  const writer = new Writer(schema.definitions ?? {});
  const functions: string[] = [];
  const kept = new Map<string, string>();
  const breaks = new Map<string, string>();
  const faulty = new Map<string, string>();
  const errors = new ErrorWalk(writer, functions, { kept, breaks, faulty }, shape, root);
  const emitter: Emitter = { writer, functions, kept, rules: new Map(), breaks, faulty, stops: false, oddTests: new Set(), givens: [], shape };
  const emit = kind === "table" ? emitTable : emitStruct;
  const read = emit(emitter, schema, shape, []);
  const { rules } = emitter;
  const at = { text: "", dynamic: false };
  functions.push(`function shapeIssues(value, list, one) {\n${errors.shape(schema, "value", at, "#")}\nreturn true;\n}`);
  functions.push(`function ruleIssues(value, list, one) {\n${errors.rules(schema, "value", at, "#", true)}\nreturn true;\n}`);
  return [
    '"use strict";',
    "/* Written by scripts/build-validators.ts from the published schema. */",
    ...writer.constants,
    ...writer.helpers,
    "module.exports = function reader({ isTable, isOddObject, copyTable, faultIssue, namedField }, longList) {",
    "const NOTHING = Object.freeze({});",
    "let faults = 0, broken = 0, longest = 0, firstOnly = false;",
    `let ${[...kept.values(), ...rules.values(), ...breaks.values(), ...faulty.values(), ...emitter.givens].join(", ")};`,
    ...functions,
    "return {",
    `read: ${read},`,
    "valid() { return faults === 0 && broken === 0; },",
    `firstRule() {\nif (faults !== 0) return null;\n${rulesOrder(emitter, shape, []).map((rule) => `if (${rule} !== undefined) return ${rule};`).join("\n")}\nreturn null;\n},`,
    // Rust's error where it is a shape error: the walk's first.
    "firstShape(value) { if (faults === 0) return null; const list = []; return shapeIssues(value, list, true) && list.length > 0 ? list[0] : null; },",
    "issues(value, list, one) {",
    // Rust's error alone: the first shape error where the value has one, else the first rule's.
    // Every issue of a value with a long list comes from the explainer, over the list shortened.
    "if (!one && longest > longList) return false;",
    "if (faults > 0) { if (!shapeIssues(value, list, one)) return false; if (one && list.length > 0) return true; }",
    "return ruleIssues(value, list, one);",
    "},",
    "};",
    "};",
    "",
  ].join("\n");
}

interface Emitter {
  writer: Writer;
  functions: string[];
  /**
   * The values the last read put in the document's open tables, by pointer: each in a
   * variable, where the error walk finds it without a lookup in a table whose hidden class
   * is the input's own (one per key set, so a lookup there misses V8's caches).
   */
  kept: Map<string, string>;
  /** The variable of each struct and table whose read tests rules: its first broken rule's error, by pointer. */
  rules: Map<string, string>;
  /**
   * The variable of each struct and table whose read tests rules: which of them it breaks,
   * bit `i` for the `i`-th, all set where the last read did not test them. The error walk
   * runs only those, a handful, where it would test them all.
   */
  breaks: Map<string, string>;
  /**
   * The variable of each struct: which of its plain fields the read found faulty, bit `i`
   * for the `i`-th of its shape, all set where the last read did not read it. The error walk
   * looks only at those.
   */
  faulty: Map<string, string>;
  /** Whether a table's read stops at a fault where Rust's error alone is wanted. */
  stops: boolean;
  /** The variables that keep the tables the last read was given. */
  givens: string[];
  /** The target's shape. */
  shape: Shape;
  /** The `oddTest` functions written. */
  oddTests: Set<string>;
}

/**
 * A name in the generated code for something of the value at `path`: its reader (`read`),
 * the struct a read kept (`kept`), the table it was given (`given`), its first broken rule
 * (`rule`), which rules it breaks (`breaks`), which fields hold a fault (`faulty`), the
 * functions that say what a rule's error is (`first`) and whether the value holds an odd
 * object (`odd`).
 */
function nameAt(kind: "read" | "kept" | "given" | "rule" | "breaks" | "faulty" | "first" | "odd", path: readonly string[]): string {
  return `${kind}_${["value", ...path].join("_").replace(/\W/g, "_")}`;
}

/** The schema of a field of a table or struct. */
function fieldSchema(emitter: Emitter, schema: JsonSchema, field: string, path: readonly string[]): JsonSchema {
  const sub = emitter.writer.resolved(schema).properties?.[field];
  if (sub === undefined) throw new Error(`reader: ${[...path, field].join(".")} is not in the schema`);
  return emitter.writer.resolved(sub);
}

/**
 * The root's reader starts a read: the last read's verdict goes (one call fewer than a
 * wrapper). Every struct's rules count as broken, and its fields as faulty, until its read
 * tests them: a read that stops early, or meets a value that is not a table, leaves them to
 * the error walk.
 */
function prologue(emitter: Emitter, path: readonly string[]): string {
  if (path.length > 0) return "";
  const untested = [...emitter.breaks.values(), ...emitter.faulty.values()].map((name) => ` ${name} = -1;`).join("");
  // What a read keeps of the tables may stay unset when it stops at a fault.
  const kept = emitter.stops ? [...emitter.kept.values()].map((name) => ` ${name} = undefined;`).join("") : "";
  return `faults = 0; broken = 0; longest = 0; firstOnly = one === true;${untested}${kept}`;
}

/** A reader's first line: the root's takes `one`, whether Rust's error alone is wanted. */
const signature = (fn: string, path: readonly string[]) => `function ${fn}(${path.length === 0 ? "given, one" : "given"}) {`;

/** The loop over a struct's own entries: each key with its value `v`. */
const OWN_ENTRIES = [
  "for (const key in given) break;",
  "const entries = Object.entries(given);",
  "for (let i = 0; i < entries.length; i++) {",
  "const key = entries[i][0], v = entries[i][1];",
];

/**
 * A reader's start: a value that is not a table at a struct or table position ends the build
 * where it is an odd object, else fails the type test; the table given is kept (see
 * `placeOf`).
 */
function takeGiven(emitter: Emitter, path: readonly string[]): string {
  const kept = nameAt("given", path);
  emitter.givens.push(kept);
  return [`if (!isTable(given)) { if (isOddObject(given)) return undefined; ${kept} = NOTHING; faults++; return given; }`, `${kept} = given;`].join("\n");
}

/** The schema path of the value at `path`, as the error walk writes it. */
const schemaPathOf = (path: readonly string[]) => `#${path.map((key) => `/properties/${token(key)}`).join("")}`;

/** Rules a struct may hold, and fields: one bit each in its `breaks` and `faulty`. */
const MOST_BITS = 30;

/** The bit of a struct's `index`-th rule in its `breaks`, or field in its `faulty`. */
const bit = (index: number) => 1 << index;

/**
 * A struct's (or table's) rules, each tested on its built value: which break is kept, and
 * the first in `validate()`'s order (not where a shape error was found: the value is invalid
 * already, and `issues` reports the rules) as what its error says (see `firstRuleSink`).
 */
function rulesTest(emitter: Emitter, schema: JsonSchema, built: BuiltStruct, path: readonly string[]): string {
  const { allOf } = emitter.writer.resolved(schema);
  if (!allOf) return "";
  if (allOf.length > MOST_BITS) throw new Error(`reader: more than ${MOST_BITS} rules at ${pointerOf(path)}`);
  const broken = nameAt("rule", path);
  const breaks = nameAt("breaks", path);
  emitter.rules.set(pointerOf(path), broken);
  emitter.breaks.set(pointerOf(path), breaks);
  const sink = firstRuleSink(emitter);
  const at: Path = { text: pointerOf(path), dynamic: false };
  const schemaPath = schemaPathOf(path);
  const tests = allOf.map((rule, i) => `(${emitter.writer.test(rule, "built", `#/allOf/${i}`, built)} ? 0 : ${bit(i)})`);
  const firsts = allOf.map((rule, i) => {
    const first = `${nameAt("first", path)}_${i}`;
    emitter.functions.push(`function ${first}(data) {\n${emitter.writer.report(rule, "data", at, `${schemaPath}/allOf/${i}`, sink)}\nreturn null;\n}`);
    return `${breaks} & ${bit(i)} ? ${first}(built)`;
  });
  return [
    // Where Rust's error alone is wanted and a shape fault is found, that fault is it: no rule is tested.
    `${breaks} = firstOnly && faults !== 0 ? -1 : ${tests.join(" | ")};`,
    `${broken} = ${breaks} === 0 || faults !== 0 ? undefined : ${firsts.join(" : ")} : undefined;`,
    `if (${broken} !== undefined) broken++;`,
  ].join("\n");
}

/**
 * What a broken rule's error says, for `firstRule`: its message at its `placeOf`. `null`
 * leaves any other error (a type error, a place below a list) to `errors`.
 */
function firstRuleSink(emitter: Emitter): ErrorSink {
  return ({ path, keyword, message }) => {
    const place = keyword === "errorMessage" ? placeOf(emitter.shape, path) : undefined;
    if (place === undefined) return "return null;";
    const issue = (at: string) => emitter.writer.constant({ path: at, message });
    return `return ${place.written} ? ${issue(place.field)} : ${issue(place.table)};`;
  };
}

/**
 * Where a rule's error about the value at `path` is placed: at the field where the input
 * writes it (`written`, an expression over the tables the last read was given: each struct's
 * and table's reader keeps its own, `NOTHING` where the input omits it or holds no table
 * there), else at the table that omits it. `undefined` where `path` is not a field of the
 * target's structs and tables.
 */
function placeOf(shape: Shape, path: Path): { written: string; field: string; table: string } | undefined {
  if (path.dynamic) return undefined;
  const keys = pointerTokens(path.text);
  if (keys.length === 0) return { written: "true", field: path.text, table: path.text };
  const holder = keys.slice(0, -1);
  if (fieldsAt(shape, holder) === undefined) return undefined;
  return { written: `${nameAt("given", holder)}[${JSON.stringify(keys[keys.length - 1])}] !== undefined`, field: path.text, table: parentPointer(path.text) };
}

/** The fields of the struct or table at `keys` in `shape`, if one stands there. */
function fieldsAt(shape: Shape, keys: readonly string[]): Shape | undefined {
  let fields: Shape | undefined = shape;
  for (const key of keys) fields = innerShape(fieldOf(fields, key));
  return fields;
}

/**
 * The structs and tables whose rules the read tests, in the issues' order: a struct's
 * before those of the structs inside it, the root's own last (see `ErrorWalk.rules`).
 */
function rulesOrder(emitter: Emitter, shape: Shape, path: readonly string[]): string[] {
  const own = emitter.rules.get(pointerOf(path));
  const inside = Object.entries(shape).flatMap(([field, spec]) => {
    const fields = innerShape(spec);
    return fields ? rulesOrder(emitter, fields, [...path, field]) : [];
  });
  if (own === undefined) return inside;
  return path.length === 0 ? [...inside, own] : [own, ...inside];
}

/**
 * Emits the reader of an open table of the document and returns its name: the table copied
 * by the run time's `copyTable`, then each of its structs and tables read from the copy into
 * its place. A field the table lacks is read by name (as Ajv reads it, through the
 * prototype); one it holds is not read from the input again.
 */
function emitTable(emitter: Emitter, schema: JsonSchema, shape: Shape, path: string[]): string {
  const fn = nameAt("read", path);
  const reads: string[] = [];
  const fields = new Map<string, string>();
  const entries = Object.entries(shape);
  entries.forEach(([field, spec], i) => {
    if ("default" in spec) throw new Error(`reader: a plain value ${[...path, field].join(".")} in a table of the document is not supported`);
    const sub = fieldSchema(emitter, schema, field, path);
    const inner = "struct" in spec ? emitStruct(emitter, sub, spec.struct, [...path, field]) : emitTable(emitter, sub, spec.table, [...path, field]);
    const label = JSON.stringify(field);
    const keptIn = nameAt("kept", [...path, field]);
    emitter.kept.set(pointerOf([...path, field]), keptIn);
    reads.push(`const t${i} = built[${label}];`);
    reads.push(`const s${i} = ${inner}(t${i} === undefined ? NOTHING : t${i}); if (s${i} === undefined) return undefined; built[${label}] = ${keptIn} = s${i};`);
    // Rust's error alone, once a fault is found: it lies here or before, so the rest is not
    // read, only looked at for an odd object, which would have ended the read.
    const rest = entries.slice(i + 1).map(([next, nextSpec]) => `${oddTest(emitter, nextSpec, [...path, next])}(built[${JSON.stringify(next)}])`);
    if (rest.length > 0) {
      emitter.stops = true;
      reads.push(`if (firstOnly && faults !== 0) return ${rest.join(" || ")} ? undefined : built;`);
    }
    fields.set(field, `s${i}`);
  });
  const rules = rulesTest(emitter, schema, fields, path);
  emitter.functions.push(
    [
      signature(fn, path),
      prologue(emitter, path),
      takeGiven(emitter, path),
      "const built = copyTable(given);",
      ...reads,
      rules,
      "return built;",
      "}",
    ].join("\n"),
  );
  return fn;
}

/**
 * The name of a function telling whether a given value at `path` (a struct's or table's
 * place) is or holds an odd object at a struct or table position: a read that stops at a
 * fault looks at what it skips for one.
 */
function oddTest(emitter: Emitter, spec: ShapeField, path: readonly string[]): string {
  const fn = nameAt("odd", path);
  const fields = innerShape(spec);
  if (fields === undefined) throw new Error(`reader: ${pointerOf(path)} is not a struct or table`);
  if (!emitter.oddTests.has(fn)) {
    emitter.oddTests.add(fn);
    const inside = Object.entries(fields)
      .filter(([, field]) => innerShape(field) !== undefined)
      .map(([field, fieldSpec]) => `${oddTest(emitter, fieldSpec, [...path, field])}(given[${JSON.stringify(field)}])`);
    emitter.functions.push(`function ${fn}(given) {\nreturn isTable(given) ? ${inside.join(" || ") || "false"} : isOddObject(given);\n}`);
  }
  return fn;
}

/**
 * A given list, copied, its length kept in `longest`: where the read found no shape fault,
 * the error walk runs only to give up on a long list. Lists of lists would hide theirs.
 */
function listCopy(emitter: Emitter, schema: JsonSchema, local: string, path: readonly string[]): string {
  const items = schema.items === undefined ? {} : emitter.writer.resolved(schema.items);
  if (items.items !== undefined || items.properties !== undefined) throw new Error(`reader: a list of lists or tables at ${path.join(".")} is not supported`);
  return `if (Array.isArray(v)) { ${local} = v.slice(); if (v.length > longest) longest = v.length; } else ${local} = v;`;
}

/** Emits the reader of one struct (nested structs first) and returns its function name. */
function emitStruct(emitter: Emitter, schema: JsonSchema, shape: Shape, path: string[]): string {
  const fn = nameAt("read", path);
  const fields = Object.entries(shape);
  if (fields.length > MOST_BITS) throw new Error(`reader: more than ${MOST_BITS} fields at ${pointerOf(path)}`);
  const faulty = nameAt("faulty", path);
  emitter.faulty.set(pointerOf(path), faulty);
  const cases: string[] = [];
  const declarations: string[] = [];
  const finals: string[] = [];
  fields.forEach(([field, spec], i) => {
    const local = `v${i}`;
    const label = JSON.stringify(field);
    const sub = fieldSchema(emitter, schema, field, path);
    if ("table" in spec) throw new Error(`reader: an open table ${[...path, field].join(".")} inside a struct is not supported`);
    if ("struct" in spec) {
      const nested = emitStruct(emitter, sub, spec.struct, [...path, field]);
      declarations.push(`${local} = NOTHING`);
      cases.push(`case ${label}: if (v !== undefined) ${local} = v; break;`);
      finals.push(`const s${i} = ${nested}(${local}); if (s${i} === undefined) return undefined;`);
      return;
    }
    const test = emitter.writer.test(sub, "v", `#/properties/${field}`);
    const copy = Array.isArray(spec.default) ? listCopy(emitter, sub, local, [...path, field]) : `${local} = v;`;
    declarations.push(`${local} = ${JSON.stringify(spec.default)}`);
    cases.push(`case ${label}: if (v !== undefined) { ${copy} if (!${test}) { faults++; ${faulty} |= ${bit(i)}; } } break;`);
  });
  // Each field's final value: the nested struct's read, or the given (or default) value.
  const built: BuiltStruct = new Map(fields.map(([field, spec], i) => [field, "struct" in spec ? `s${i}` : `v${i}`]));
  const result = [...built].map(([field, local]) => `${JSON.stringify(field)}: ${local}`);
  const rules = rulesTest(emitter, schema, built, path);
  emitter.functions.push(
    [
      signature(fn, path),
      prologue(emitter, path),
      takeGiven(emitter, path),
      `${faulty} = 0;`,
      `let ${declarations.join(", ")};`,
      ...OWN_ENTRIES,
      "switch (key) {",
      ...cases,
      "}",
      "}",
      ...finals,
      `const built = { ${result.join(", ")} };`,
      rules,
      "return built;",
      "}",
    ].join("\n"),
  );
  return fn;
}

/** With `one`, the rules after the first failing one are not run: Rust's error is found. */
const FOUND_ONE = "if (one && list.length > 0) return true;";

/**
 * Statements that push the issues of a built value onto `list`: its shape faults', made by
 * the run time's `faultIssue`, each field named as a document writes it (the target's
 * `root` and the path below it); then its rules' (found by the explainer's code, from the
 * same schema), each their message at their place. Each `return false` where the issues are
 * left to the explainer.
 */
class ErrorWalk {
  private count = 0;

  /**
   * `marks`: the variables the reads fill, by the pointer of their struct or table (see
   * `Emitter`), which the walk reads; filled as the reads are written, before the walk is.
   */
  constructor(
    private readonly writer: Writer,
    private readonly functions: string[],
    private readonly marks: { kept: ReadonlyMap<string, string>; breaks: ReadonlyMap<string, string>; faulty: ReadonlyMap<string, string> },
    private readonly targetShape: Shape,
    private readonly root: string,
  ) {}

  /** The shape fault's issue, pushed. */
  private readonly toList: ErrorSink = ({ path, keyword, params, message, data }) => {
    const name = path.dynamic ? `namedField(${JSON.stringify(this.root)}, ${path.text})` : JSON.stringify(fieldName(this.root + path.text));
    return `list.push(faultIssue(${pathCode(path)}, ${name}, ${this.writer.constant({ keyword, params, message })}, ${data}));`;
  };

  private local(): string {
    return `e${this.count++}`;
  }

  /**
   * Statements pushing the shape errors of `data` (stopping at the first where `one`);
   * `return false` for a long list. A struct's plain fields are looked at where its `faulty`
   * marks them.
   */
  shape(given: JsonSchema, data: string, path: Path, schemaPath: string): string {
    const schema = this.writer.resolved(given);
    const types = typesOf(schema);
    if (schema.properties !== undefined) {
      if (types.length !== 1 || types[0] !== "object") throw new Error(`reader: properties without type object at ${schemaPath}`);
      const fields = this.fields(schema, data, path, schemaPath, (sub, value, at, subPath) => this.shape(sub, value, at, subPath), this.markedFields(path));
      return `if (${typeTest("object", data)}) {\n${fields}\n} else ${this.error(schema, "type", data, path, schemaPath)}`;
    }
    if (schema.allOf) throw new Error(`reader: rules on a value that is not a table at ${schemaPath}`);
    if (schema.items !== undefined) {
      if (types.length !== 1 || types[0] !== "array") throw new Error(`reader: items without type array at ${schemaPath}`);
      const index = this.local();
      const item = this.local();
      return [
        `if (!Array.isArray(${data})) ${this.error(schema, "type", data, path, schemaPath)}`,
        `else if (${data}.length > longList) return false;`,
        `else for (let ${index} = 0; ${index} < ${data}.length; ${index}++) {`,
        `const ${item} = ${data}[${index}];`,
        this.shape(schema.items, item, below(path, `"/" + ${index}`, false), `${schemaPath}/items`),
        "}",
      ].join("\n");
    }
    return this.leaf(schema, data, path, schemaPath);
  }

  /**
   * Statements pushing the rules' errors of `data`, in Ajv's order but for the root's own
   * (`own`), which come after those of the structs inside it, as issues order them.
   */
  rules(given: JsonSchema, data: string, path: Path, schemaPath: string, own = false): string {
    const schema = this.writer.resolved(given);
    const rules = schema.allOf ? this.ruleCall(schema.allOf, data, path, schemaPath) : "";
    if (schema.properties === undefined) return rules;
    const fields = this.fields(schema, data, path, schemaPath, (sub, value, at, subPath) => this.rules(sub, value, at, subPath));
    const walk = fields ? `if (${typeTest("object", data)}) {\n${fields}\n}` : "";
    return own ? `${walk}\n${rules}` : `${rules}\n${walk}`;
  }

  /**
   * Each property's statements, for a value the table holds; none for properties that have
   * none. Where `marked` gives a property a condition, only under it.
   */
  private fields(
    schema: JsonSchema,
    data: string,
    path: Path,
    schemaPath: string,
    statements: (sub: JsonSchema, value: string, path: Path, schemaPath: string) => string,
    marked: (name: string) => string | undefined = () => undefined,
  ): string {
    const out: string[] = [];
    for (const [name, sub] of Object.entries(schema.properties ?? {})) {
      const value = this.local();
      const at = below(path, `/${token(name)}`, true);
      const inner = statements(sub, value, at, `${schemaPath}/properties/${token(name)}`).trim();
      // The walk runs on the value last read: a table's field holds what the read kept.
      const read = (!at.dynamic && this.marks.kept.get(at.text)) || `${data}[${JSON.stringify(name)}]`;
      const statement = `const ${value} = ${read};\nif (${value} !== undefined) {\n${inner}\n}`;
      const mark = marked(name);
      if (inner) out.push(mark === undefined ? statement : `if (${mark}) {\n${statement}\n}`);
    }
    return out.join("\n");
  }

  /**
   * Each plain field of the struct at `path`: the test of its bit in the struct's `faulty`.
   * Nothing for a table's fields or a struct's structs.
   */
  private markedFields(path: Path): (name: string) => string | undefined {
    const variable = path.dynamic ? undefined : this.marks.faulty.get(path.text);
    const fields = variable === undefined ? undefined : fieldsAt(this.targetShape, pointerTokens(path.text));
    if (variable === undefined || fields === undefined) return () => undefined;
    const order = Object.keys(fields);
    return (name) => (innerShape(fieldOf(fields, name)) === undefined ? `${variable} & ${bit(order.indexOf(name))}` : undefined);
  }

  /**
   * A value's one shape error, as issues keep it: the `enum` error where the enum fails,
   * else the first of the others (`type`, then `const`) that fails.
   */
  private leaf(schema: JsonSchema, data: string, path: Path, schemaPath: string): string {
    for (const key of Object.keys(schema)) if (!["type", "enum", "const"].includes(key)) throw new Error(`reader: keyword ${key} at ${schemaPath}`);
    const checks: string[] = [];
    if (schema.enum !== undefined) checks.push(`if (!(${this.writer.test({ enum: schema.enum }, data, schemaPath)})) ${this.error(schema, "enum", data, path, schemaPath)}`);
    if (schema.type !== undefined) checks.push(`if (!(${this.writer.test({ type: schema.type }, data, schemaPath)})) ${this.error(schema, "type", data, path, schemaPath)}`);
    if (schema.const !== undefined) checks.push(`if (!(${this.writer.test({ const: schema.const }, data, schemaPath)})) ${this.error(schema, "const", data, path, schemaPath)}`);
    return checks.join("\nelse ");
  }

  /** The issue of `keyword`'s error, pushed. */
  private error(schema: JsonSchema, keyword: "type" | "enum" | "const", data: string, path: Path, schemaPath: string): string {
    const [params, message] =
      keyword === "type"
        ? [{ type: schema.type }, `must be ${typesOf(schema).join(",")}`]
        : keyword === "enum"
          ? [{ allowedValues: schema.enum }, "must be equal to one of the allowed values"]
          : [{ allowedValue: schema.const }, "must be equal to constant"];
    const push = this.toList({ path, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message, data });
    return `{ ${push} if (one) return true; }`;
  }

  /** The call of a struct's rule function, with the variable of the rules its read found broken. */
  private ruleCall(allOf: JsonSchema[], data: string, path: Path, schemaPath: string): string {
    const breaks = path.dynamic ? undefined : this.marks.breaks.get(path.text);
    if (breaks === undefined) throw new Error(`reader: rules at ${path.text}, which no read tests`);
    return `if (!${this.ruleFunction(allOf, path, schemaPath)}(${data}, list, one, ${breaks})) return false;\n${FOUND_ONE}`;
  }

  /**
   * A function pushing the issues of a struct's rules, those its `breaks` marks, in order;
   * with `one`, up to the first. Each is the rule's message at its `placeOf`; any other error
   * the explainer's code finds (a type error, a place below a list) leaves the issues to the
   * explainer.
   */
  private ruleFunction(allOf: JsonSchema[], path: Path, schemaPath: string): string {
    const name = `rules${this.count++}`;
    const sink: ErrorSink = ({ path: at, keyword, message }) => {
      const place = keyword === "errorMessage" ? placeOf(this.targetShape, at) : undefined;
      if (place === undefined) return "return false;";
      return `list.push({ stage: "validate", path: ${place.written} ? ${JSON.stringify(place.field)} : ${JSON.stringify(place.table)}, message: ${JSON.stringify(message)} });`;
    };
    const body = allOf
      .map((rule, i) => `if (breaks & ${bit(i)}) {\n${this.writer.report(rule, "data", path, `${schemaPath}/allOf/${i}`, sink)}\n}`)
      .join(`\n${FOUND_ONE}\n`);
    this.functions.push(`function ${name}(data, list, one, breaks) {\n${body}\nreturn true;\n}`);
    return name;
  }
}
