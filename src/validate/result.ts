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
  /**
   * The one variant, or field name, that the value or key most likely meant: the only one that
   * differs from it in case alone, or one edit away. Where there is one, `message` says so.
   */
  suggestion?: string;
  /** 1-based line of the key that set the value (from `validateConfigText`). */
  line?: number;
  /** 1-based column of that key (from `validateConfigText`). */
  column?: number;
}

/** At least one issue: a rejected config always says why. */
export type ValidationIssues = [ValidationIssue, ...ValidationIssue[]];

/**
 * A config type as Rust holds it after deserialization: every field present, its default
 * filled in where the input omits it, nested structs likewise; lists and `null`able fields
 * keep their element and `null`, and keys the structs leave open stay `unknown`.
 */
export type Deserialized<T> = { [K in keyof T]-?: Filled<Exclude<T[K], undefined>> };
type Filled<V> = V extends readonly unknown[] ? V : V extends object ? Deserialized<V> : V;

/** `errors[0]` is the error Rust reports; `value` has every default filled in. */
export type ValidationResult<T> = { valid: true; value: Deserialized<T> } | { valid: false; errors: ValidationIssues };

/** Whether a list of issues is one an invalid result can carry. */
function hasIssues(issues: ValidationIssue[]): issues is ValidationIssues {
  return issues.length > 0;
}

/** The invalid result for `issues`; none at all would be a verdict without a reason, a fault of this package. */
export function rejected(issues: ValidationIssue[]): { valid: false; errors: ValidationIssues } {
  if (!hasIssues(issues)) throw new Error("the config was rejected, but no issue explains why");
  return { valid: false, errors: issues };
}

export interface ValidateOptions {
  /**
   * `true` (the default): `errors` lists every issue, Rust's first. `false`: `errors` holds
   * only the error Rust reports, the first of the full list.
   */
  allErrors?: boolean;
}
