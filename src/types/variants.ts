/**
 * What each variant of an enum means, keyed by variant: a union member cannot carry JSDoc,
 * so the descriptions live beside the union as data the compiler checks against it (a
 * missing, extra or misspelt variant fails `tsc`).
 */
export type VariantDocs<E extends string> = { readonly [V in E]: string };

/** What `null` means for an `Option<…>` field. */
export const NULL_VARIANT_DOC = "Not set (Rust `None`).";
