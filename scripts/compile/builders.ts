import type { Shape } from "./shape";

/**
 * Source of `dist/generated/build.js`: one straight-line function per struct that builds the
 * value Rust deserializes (every field given or defaulted, unknown keys dropped), so that the
 * run time needs no generic walk over the shape.
 *
 * - The input's own keys are iterated and matched by name: config objects come from parsers
 *   in any key order, so each has its own hidden class, and probing every field by name
 *   would miss V8's caches on every read. Each field is read at most once, unknown keys
 *   never (a getter there is not run). `for…in` with an own-key test visits what
 *   `Object.keys` lists, in its order, a quarter faster: V8 reads such keys from its enum
 *   cache; the test keeps out keys inherited from a polluted `Object.prototype`.
 * - The result is one object literal, so every value of a struct shares one hidden class and
 *   the Ajv `check` run on it afterwards stays monomorphic.
 * - Values are copied as given, wrong types included (lists are copied, not shared), for
 *   `check` to judge and `explain` to explain at the same paths. That holds for a struct
 *   position too, unless it holds an object that is not a plain table (a class instance, a
 *   `Map`): Ajv would read such an object's fields through its prototype, so the whole build
 *   is `undefined` and the caller explains the input itself.
 * - `isTable` is passed in: the runtime owns what counts as a table.
 */
export function buildersSource(shapes: Record<string, Shape>): string {
  const functions: string[] = [];
  const names = Object.keys(shapes).map((target) => emitStruct(target, shapes[target], functions));
  return [
    '"use strict";',
    "/* Written by scripts/build-validators.ts from the published schema. */",
    "module.exports = function builders(isTable) {",
    "const NOTHING = Object.freeze({});",
    "const hasOwn = Object.prototype.hasOwnProperty;",
    ...functions,
    `return { ${Object.keys(shapes)
      .map((target, i) => `${JSON.stringify(target)}: ${names[i]}`)
      .join(", ")} };`,
    "};",
    "",
  ].join("\n");
}

/** Emits the builder of one struct (nested structs first) and returns its function name. */
function emitStruct(name: string, shape: Shape, functions: string[]): string {
  const fn = `build_${name.replace(/\W/g, "_")}`;
  const fields = Object.entries(shape);
  const locals = fields.map((_, i) => `v${i}`);
  const cases: string[] = [];
  const declarations: string[] = [];
  const finals: string[] = [];
  fields.forEach(([field, spec], i) => {
    const local = locals[i];
    const label = JSON.stringify(field);
    if ("struct" in spec) {
      const nested = emitStruct(`${name}_${field}`, spec.struct, functions);
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
      "if (!isTable(given)) return given !== null && typeof given === \"object\" && !Array.isArray(given) ? undefined : given;",
      `let ${declarations.join(", ")};`,
      "for (const key in given) {",
      "if (!hasOwn.call(given, key)) continue;",
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
