import { describeValue } from "../validate/serde-words";
import { valueAt } from "../util/pointer";
import type { Deserialized, ValidationIssue } from "../validate/result";
import type { BurnDragonConfig } from "../types";
import { validateBurnDragonConfig } from "../validate/validators";
import type { ConfigDocument } from "./config-document";
import { positionFor, type Located } from "./located";
import { unknownKeys } from "./unknown-keys";

export interface CheckOptions {
  /** Unknown keys in `quant`, `rho` and `saved_activations` are errors, not warnings. */
  strict?: boolean;
}

/** The verdict on a document, every issue placed; `warnings` are unknown keys when not strict. */
export interface DocumentCheck {
  valid: boolean;
  value?: Deserialized<BurnDragonConfig>;
  errors: Located[];
  warnings: Located[];
}

/** Rust's verdict on a parsed document (serde's duplicate fields first), then the unknown keys. */
export function checkDocument(document: ConfigDocument, options: CheckOptions = {}): DocumentCheck {
  const place = (issue: ValidationIssue): Located => ({ issue, at: positionFor(document.positions, issue.path) });
  const unknown = unknownKeys(document.value).map(({ path, message }) =>
    place({ stage: "deserialize", path, message }),
  );
  const result = validateBurnDragonConfig(document.value);
  const issues = result.valid ? [] : result.errors.map((issue) => place(nameFloat(issue, document)));
  // serde stops at a duplicate field: no `validate()` rule runs after one.
  let errors =
    document.duplicates.length > 0
      ? [...document.duplicates, ...issues.filter(({ issue }) => issue.stage === "deserialize")]
      : issues;
  if (options.strict) errors = [...errors, ...unknown];
  const valid = errors.length === 0;
  return {
    valid,
    value: valid && result.valid ? result.value : undefined,
    errors,
    warnings: options.strict ? [] : unknown,
  };
}

/** A whole number written as a float, which the plain value cannot tell from an integer: say what serde saw. */
function nameFloat(issue: ValidationIssue, document: ConfigDocument): ValidationIssue {
  const float = document.floats.get(issue.path);
  if (float === undefined) return issue;
  const found = `invalid type: ${describeValue(valueAt(document.value, issue.path))}`;
  if (!issue.message.includes(found)) return issue;
  return { ...issue, message: issue.message.replace(found, `invalid type: ${float}`) };
}
