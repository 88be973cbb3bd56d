import type { Deserialized, ValidationIssue } from "../validate/result";
import type { BurnDragonConfig } from "../types";
import { validateTarget } from "../validate/validators";
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

/**
 * Rust's verdict on a parsed document, then the unknown keys. serde stops at the first fault
 * it meets: a duplicate field of a JSON text, or a key it cannot decode, among the shape
 * errors in the text's order, and no `validate()` rule runs after one.
 */
export function checkDocument(document: ConfigDocument, options: CheckOptions = {}): DocumentCheck {
  const place = (issue: ValidationIssue): Located => ({ issue, at: positionFor(document.positions, issue.path) });
  const unknown = unknownKeys(document.value).map((key) => place({ stage: "deserialize", ...key }));
  const result = validateTarget<BurnDragonConfig>("config", document.value, { allErrors: true, dialect: document.dialect, written: document.written });
  const issues = result.valid ? [] : result.errors.map(place);
  let errors =
    document.duplicates.length > 0
      ? [...document.duplicates, ...issues.filter(({ issue }) => issue.stage === "deserialize")].sort(byPlace)
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

/** In the order serde_json reads a text: by line and column (a document merged from files, by file first). */
function byPlace(a: Located, b: Located): number {
  const [fileA, fileB] = [a.at.file ?? "", b.at.file ?? ""];
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return a.at.line - b.at.line || a.at.column - b.at.column;
}
