import { layouts } from "../validate/layouts";
import { shapes, type Shape } from "../validate/generated";

/** The field `key` of `struct`, if the struct has one by that name. */
export function fieldOf(struct: Shape | undefined, key: string): Shape[string] | undefined {
  return struct && Object.prototype.hasOwnProperty.call(struct, key) ? struct[key] : undefined;
}

/** The struct a field holds, if it holds one. */
export function structOf(field: Shape[string] | undefined): Shape | undefined {
  return field && "struct" in field ? field.struct : undefined;
}

/**
 * The serde structs of a whole document (`Document { model }`, `ModelSection { quant, rho }`,
 * then the two configs), built from where each config stands and its fields. Duplicate
 * keys and unknown keys only matter inside these.
 */
export const DOCUMENT_STRUCT: Shape = (() => {
  const document: Shape = {};
  for (const target of ["quant", "rho"] as const) {
    const path = layouts[target].root;
    let struct = document;
    path.forEach((name, i) => {
      const inner = i === path.length - 1 ? shapes[target] : (structOf(fieldOf(struct, name)) ?? {});
      struct[name] = { struct: inner };
      struct = inner;
    });
  }
  return document;
})();
