import { argumentIssue, describeArgument, readOptions } from "../validate/arguments";
import { rejected, type ValidationIssue, type ValidationResult } from "../validate/result";
import type { BurnDragonConfig } from "../types";
import { checkDocument, type CheckOptions } from "./document-check";
import { CONFIG_FORMATS, readDocument, type ConfigFormat } from "./read-document";
import { withPosition } from "./located";
import { readFailure } from "./read-failure";
import { MAX_CONFIG_BYTES, tooBig } from "./size-limit";

/**
 * A whole config file's text, checked as Rust reads it: parsed with positions (duplicate
 * fields rejected as serde does), then `model.quant` and `model.rho` validated. Every issue
 * carries the line and column of the key that set the offending value; a text that is not
 * well-formed TOML, JSON or YAML gives one `deserialize` issue at the place it breaks; a text
 * over `MAX_CONFIG_BYTES` is refused unread. Arguments of the wrong type are one issue too.
 */
export function validateConfigText(
  text: string,
  format: ConfigFormat,
  options: CheckOptions = {},
): ValidationResult<BurnDragonConfig> {
  if (typeof text !== "string") return refused(argumentIssue(NAME, `text must be a string, found ${describeArgument(text)}`));
  if (!CONFIG_FORMATS.includes(format)) return refused(argumentIssue(NAME, `format must be ${FORMAT_LIST}`));
  const read = readOptions(NAME, options, ["strict"]);
  if (!read.ok) return refused(read.issue);
  const size = Buffer.byteLength(text);
  if (size > MAX_CONFIG_BYTES) return refused({ stage: "deserialize", path: "", message: `the text cannot be checked: ${tooBig(size)}` });
  try {
    const check = checkDocument(readDocument(text, format), read.flags);
    if (check.valid && check.value) return { valid: true, value: check.value };
    return rejected(check.errors.map(withPosition));
  } catch (error) {
    return { valid: false, errors: [withPosition(readFailure(error, format).located)] };
  }
}

const NAME = "validateConfigText";
const FORMAT_LIST = CONFIG_FORMATS.map((format) => `"${format}"`).join(", ").replace(/, ([^,]*)$/, " or $1");

/** A text that cannot be checked at all: one issue, at its start. */
function refused(issue: ValidationIssue): ValidationResult<BurnDragonConfig> {
  return { valid: false, errors: [{ ...issue, line: 1, column: 1 }] };
}
