import { shapes, type Shape } from "../validators";

/**
 * The serde structs of a whole document: `Document { model }`, `ModelSection { quant, rho }`,
 * then the two configs with their fields as the build compiled them. Duplicate keys and
 * unknown keys only matter inside these.
 */
export const DOCUMENT_STRUCT: Shape = {
  model: { struct: { quant: { struct: shapes.quant }, rho: { struct: shapes.rho } } },
};

/** The field `key` of `struct`, if the struct has one by that name. */
export function fieldOf(struct: Shape | undefined, key: string): Shape[string] | undefined {
  return struct && Object.prototype.hasOwnProperty.call(struct, key) ? struct[key] : undefined;
}

/** The struct a field holds, if it holds one. */
export function structOf(field: Shape[string] | undefined): Shape | undefined {
  return field && "struct" in field ? field.struct : undefined;
}
