import type { Deserialized, ValidationIssue } from "../result";
import type { BurnDragonConfig } from "../types";
import { validateBurnDragonConfig } from "../validate";
import { toDocument, type ConfigDocument } from "./document";
import { parseJson } from "./json";
import { positionFor, type Located } from "./located";
import { parseToml } from "./toml";
import { unknownKeys } from "./unknown-keys";
import { parseYaml } from "./yaml";

export type ConfigFormat = "toml" | "json" | "yaml";

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

/** A config text as a document. Throws `ConfigSyntaxError` when the text is not well-formed. */
export function parseConfigText(text: string, format: ConfigFormat): ConfigDocument {
  switch (format) {
    case "toml":
      return toDocument(parseToml(text));
    case "json":
      return toDocument(parseJson(text));
    case "yaml":
      return toDocument(parseYaml(text), { rejectAllDuplicates: true });
  }
}

/** Rust's verdict on a parsed document (serde's duplicate fields first), then the unknown keys. */
export function checkDocument(document: ConfigDocument, options: CheckOptions = {}): DocumentCheck {
  const place = (issue: ValidationIssue): Located => ({ issue, at: positionFor(document.positions, issue.path) });
  const unknown = unknownKeys(document.value).map(({ path, message }) =>
    place({ stage: "deserialize", path, message }),
  );
  const result = validateBurnDragonConfig(document.value);
  const issues = result.valid ? [] : result.errors.map(place);
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
