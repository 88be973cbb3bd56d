import { structTargets, type Shape } from "../../src/validate/shape";

/**
 * Source of `dist/generated/build.js`: one straight-line function per struct and per table of
 * the document that builds the value Rust deserializes, so that the run time needs no generic
 * walk over the shape. The module exports one builder per validator target: the whole
 * document (`config`) and each struct target, named as in `structTargets`.
 *
 * - A struct's input keys are iterated and matched by name: config objects come from parsers
 *   in any key order, so each has its own hidden class, and probing every field by name
 *   would miss V8's caches on every read. Each field is read at most once, unknown keys
 *   never (a getter there is not run), and dropped. `for…in` with an own-key test visits what
 *   `Object.keys` lists, in its order, a quarter faster: V8 reads such keys from its enum
 *   cache; the test keeps out keys inherited from a polluted `Object.prototype`.
 * - A struct's result is one object literal, so every value of a struct shares one hidden
 *   class and the check run on it afterwards stays monomorphic.
 * - A table of the document around the structs keeps every key (`copyTable`); its known
 *   fields are built in place.
 * - Values are copied as given, wrong types included (lists are copied, not shared), for the
 *   check to judge and the explainer to explain at the same paths. That holds for a struct
 *   or table position too, unless it holds an object that is not a plain table (a class
 *   instance, a `Map`): Ajv would read such an object's fields through its prototype, so the
 *   whole build is `undefined` and the caller explains the input itself.
 * - What counts as a table, an own key and a copy is the run time's: its functions are passed in.
 */
export function buildersSource(document: Shape): string {
  const functions: string[] = [];
  const root = emitTable(document, functions, []);
  const targets = [["config", root], ...structTargets(document).map(({ name, path }) => [name, functionName(path)])];
  return [
    '"use strict";',
    "/* Written by scripts/build-validators.ts from the published schema. */",
    "module.exports = function builders({ isTable, isOddObject, hasOwn, copyTable }) {",
    "const NOTHING = Object.freeze({});",
    ...functions,
    `return { ${targets.map(([target, fn]) => `${JSON.stringify(target)}: ${fn}`).join(", ")} };`,
    "};",
    "",
  ].join("\n");
}

function functionName(path: readonly string[]): string {
  return `build_${["config", ...path].join("_").replace(/\W/g, "_")}`;
}

/** A value that is no table stays as it is, for the check to reject; an odd object makes the build `undefined`. */
const NOT_A_TABLE = "if (!isTable(given)) return isOddObject(given) ? undefined : given;";

/** Emits the builder of an open table of the document (its structs and tables first) and returns its name. */
function emitTable(shape: Shape, functions: string[], path: string[]): string {
  const fn = functionName(path);
  const built: string[] = [];
  for (const [field, spec] of Object.entries(shape)) {
    if ("default" in spec) throw new Error(`builders: a plain value ${[...path, field].join(".")} in a table of the document is not supported`);
    const inner = "struct" in spec ? emitStruct(spec.struct, functions, [...path, field]) : emitTable(spec.table, functions, [...path, field]);
    const label = JSON.stringify(field);
    built.push(`{ const v = given[${label}]; const s = ${inner}(v === undefined ? NOTHING : v); if (s === undefined) return undefined; out[${label}] = s; }`);
  }
  functions.push([`function ${fn}(given) {`, NOT_A_TABLE, "const out = copyTable(given);", ...built, "return out;", "}"].join("\n"));
  return fn;
}

/** Emits the builder of one struct (nested structs first) and returns its function name. */
function emitStruct(shape: Shape, functions: string[], path: string[]): string {
  const fn = functionName(path);
  const fields = Object.entries(shape);
  const locals = fields.map((_, i) => `v${i}`);
  const cases: string[] = [];
  const declarations: string[] = [];
  const finals: string[] = [];
  fields.forEach(([field, spec], i) => {
    const local = locals[i];
    const label = JSON.stringify(field);
    if ("table" in spec) throw new Error(`builders: an open table ${[...path, field].join(".")} inside a struct is not supported`);
    if ("struct" in spec) {
      const nested = emitStruct(spec.struct, functions, [...path, field]);
      declarations.push(`${local} = NOTHING`);
      cases.push(`case ${label}: { const v = given[key]; if (v !== undefined) ${local} = v; break; }`);
      finals.push(`const s${i} = ${nested}(${local}); if (s${i} === undefined) return undefined;`);
    } else if (Array.isArray(spec.default)) {
      declarations.push(`${local} = ${JSON.stringify(spec.default)}`);
      cases.push(`case ${label}: { const v = given[key]; if (v !== undefined) ${local} = Array.isArray(v) ? v.slice() : v; break; }`);
    } else {
      declarations.push(`${local} = ${JSON.stringify(spec.default)}`);
      cases.push(`case ${label}: { const v = given[key]; if (v !== undefined) ${local} = v; break; }`);
    }
  });
  const result = fields.map(([field, spec], i) => `${JSON.stringify(field)}: ${"struct" in spec ? `s${i}` : locals[i]}`);
  functions.push(
    [
      `function ${fn}(given) {`,
      NOT_A_TABLE,
      `let ${declarations.join(", ")};`,
      "for (const key in given) {",
      "if (!hasOwn(given, key)) continue;",
      "switch (key) {",
      ...cases,
      "}",
      "}",
      ...finals,
      `return { ${result.join(", ")} };`,
      "}",
    ].join("\n"),
  );
  return fn;
}
