import { rejected, type ValidationResult } from "../result";
import type { BurnDragonConfig } from "../types";
import { checkDocument, parseConfigText, type CheckOptions, type ConfigFormat } from "./check";
import { withPosition } from "./located";
import { readFailure } from "./read-failure";
import { MAX_CONFIG_BYTES, tooBig } from "./size-limit";

/**
 * A whole config file's text, checked as Rust reads it: parsed with positions (duplicate
 * fields rejected as serde does), then `model.quant` and `model.rho` validated. Every issue
 * carries the line and column of the key that set the offending value; a text that is not
 * well-formed TOML, JSON or YAML gives one `deserialize` issue at the place it breaks; a text
 * over `MAX_CONFIG_BYTES` is refused unread.
 */
export function validateConfigText(
  text: string,
  format: ConfigFormat,
  options: CheckOptions = {},
): ValidationResult<BurnDragonConfig> {
  const size = Buffer.byteLength(text);
  if (size > MAX_CONFIG_BYTES) {
    return { valid: false, errors: [{ stage: "deserialize", path: "", message: `the text cannot be checked: ${tooBig(size)}`, line: 1, column: 1 }] };
  }
  try {
    const check = checkDocument(parseConfigText(text, format), options);
    if (check.valid && check.value) return { valid: true, value: check.value };
    return rejected(check.errors.map(withPosition));
  } catch (error) {
    return { valid: false, errors: [withPosition(readFailure(error, format))] };
  }
}
