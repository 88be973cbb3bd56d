/**
 * Where a problem was found: while reading the shape (serde), in a `validate()` rule, or (for
 * config files only) by the trainer's file loader after merging them.
 */
export type ValidationStage = "deserialize" | "validate" | "load";

export interface ValidationIssue {
  stage: ValidationStage;
  /** JSON Pointer to the offending value, or to the table that lacks an omitted field. */
  path: string;
  /** For stage `validate`: the Rust message, character for character. */
  message: string;
  /** 1-based line of the key that set the value (from `validateConfigText`). */
  line?: number;
  /** 1-based column of that key (from `validateConfigText`). */
  column?: number;
}

/** `errors[0]` is the error Rust reports; `value` has every default filled in. */
export type ValidationResult<T> = { valid: true; value: T } | { valid: false; errors: ValidationIssue[] };

export interface ValidateOptions {
  /**
   * `true` (the default): `errors` lists every issue, Rust's first. `false`: `errors` holds
   * only the error Rust reports, found without collecting the others: faster on invalid input.
   */
  allErrors?: boolean;
}
